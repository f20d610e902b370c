/**
 * @file grants.h
 * @brief Grant schemes, applications, allocation, decisions, reporting.
 *
 * (Placeholder: the API of this module arrives with issue 7.)
 */
#ifndef REGINT_GRANTS_H
#define REGINT_GRANTS_H

#include "regint/common.h"

#endif
