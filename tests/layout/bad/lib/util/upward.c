/* Deliberately wrong (layout test fixture): util reaches up into the dataset core. */
#include "util/error.h"
#include "dataset/store.h"
