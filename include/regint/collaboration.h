/**
 * @file collaboration.h
 * @brief Partners, agreements, meetings, networks, coverage analysis.
 *
 * (Placeholder: the API of this module arrives with issue 7.)
 */
#ifndef REGINT_COLLABORATION_H
#define REGINT_COLLABORATION_H

#include "regint/common.h"

#endif
