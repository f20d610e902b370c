/* Private: area codes of the knowledge layer ("00" the country, 2 digits a county,
 * 4 digits a municipality). */
#ifndef REGINT_KNOWLEDGE_AREA_H
#define REGINT_KNOWLEDGE_AREA_H

#include "regint/dataset.h"

/* 1 if `area` is "00" or a county or municipality valid in `year` in the dataset. */
int regint__area_exists(const regint_dataset *ds, const char *area, int year);

#endif
