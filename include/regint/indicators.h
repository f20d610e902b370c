/**
 * @file indicators.h
 * @brief Knowledge base: indicator import, reform mapping, derived figures.
 *
 * (Placeholder: the API of this module arrives with issue 6.)
 */
#ifndef REGINT_INDICATORS_H
#define REGINT_INDICATORS_H

#include "regint/common.h"

#endif
