/**
 * @file apportion.h
 * @brief Apportionment: Hamilton and divisor methods with bounds.
 *
 * (Placeholder: the API of this module arrives with issue 4.)
 */
#ifndef REGINT_APPORTION_H
#define REGINT_APPORTION_H

#include "regint/common.h"

#endif
