/**
 * @file regint.h
 * @brief Umbrella header: includes every public regint header.
 *
 * regint is a C library for the regional integration work of Norwegian counties
 * (fylkeskommuner): settlement capacity steering, apportionment, matching of cases to
 * municipalities, grant schemes, collaboration, career guidance demand and a knowledge
 * base of indicators over time. See README.md and docs/.
 */
#ifndef REGINT_REGINT_H
#define REGINT_REGINT_H

#include "regint/version.h"
#include "regint/common.h"
#include "regint/lang.h"
#include "regint/validate.h"
#include "regint/dataset.h"
#include "regint/apportion.h"
#include "regint/settlement.h"
#include "regint/settlement_gap.h"
#include "regint/match.h"
#include "regint/kb.h"
#include "regint/plan.h"
#include "regint/report.h"
#include "regint/letter.h"
#include "regint/grants.h"
#include "regint/collaboration.h"
#include "regint/guidance.h"

#endif
