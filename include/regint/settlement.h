/**
 * @file settlement.h
 * @brief Settlement recommendation: criteria profiles, scoring, bounds, explanations, back-test.
 *
 * (Placeholder: the API of this module arrives with issue 4.)
 */
#ifndef REGINT_SETTLEMENT_H
#define REGINT_SETTLEMENT_H

#include "regint/common.h"

#endif
