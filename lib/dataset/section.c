/* The dataset's storage of optional sections: one opaque slot per registered section
 * (section.h); the sections themselves are listed by the registry, lib/sections.c. */
#include "dataset/section.h"
#include "dataset/store.h"

void *regint__dataset_section(const regint_dataset *ds, const regint__section *sec)
{
    size_t i = regint__section_index(sec);
    if (!ds || !ds->sections || i == (size_t)-1)
        return NULL;
    return ds->sections[i];
}

void regint__dataset_set_section(regint_dataset *ds, const regint__section *sec, void *data)
{
    size_t i = regint__section_index(sec);
    if (!ds || !ds->sections || i == (size_t)-1)
        return;
    if (ds->sections[i] && ds->sections[i] != data)
        sec->free(ds->sections[i]);
    ds->sections[i] = data;
}

regint_status regint__section_parsed(const regint__section *sec, regint_status st, void *data, void **out)
{
    if (st)
        sec->free(data);
    else
        *out = data;
    return st;
}
