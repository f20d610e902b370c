/* Deliberately wrong (layout test fixture): the dataset core names a task. */
#include "dataset/section.h"
#include "tasks/grants.h"
