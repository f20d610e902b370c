/**
 * @file report.h
 * @brief County reports in Markdown and HTML.
 *
 * (Placeholder: the API of this module arrives with issue 6.)
 */
#ifndef REGINT_REPORT_H
#define REGINT_REPORT_H

#include "regint/common.h"

#endif
