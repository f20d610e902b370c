/**
 * @file qualification.h
 * @brief Plan for qualification: goals, measures, indicators, progress.
 *
 * (Placeholder: the API of this module arrives with issue 6.)
 */
#ifndef REGINT_QUALIFICATION_H
#define REGINT_QUALIFICATION_H

#include "regint/common.h"

#endif
