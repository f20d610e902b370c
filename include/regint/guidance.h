/**
 * @file guidance.h
 * @brief Career guidance demand forecast.
 *
 * (Placeholder: the API of this module arrives with issue 7.)
 */
#ifndef REGINT_GUIDANCE_H
#define REGINT_GUIDANCE_H

#include "regint/common.h"

#endif
