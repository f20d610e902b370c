/**
 * @file matching.h
 * @brief Optimal matching of refugee cases to municipalities.
 *
 * (Placeholder: the API of this module arrives with issue 8.)
 */
#ifndef REGINT_MATCHING_H
#define REGINT_MATCHING_H

#include "regint/common.h"

#endif
