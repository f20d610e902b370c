/* Registry of optional dataset sections (see section.h). */
#include "internal.h"
#include "jsonutil.h"
#include "section.h"

const regint__section *const regint__sections[] = {
    &regint__section_description,
    &regint__section_grants,
    &regint__section_collaboration,
    &regint__section_qualification,
};
const size_t regint__section_count = sizeof regint__sections / sizeof regint__sections[0];

size_t regint__section_index(const regint__section *sec)
{
    for (size_t i = 0; i < regint__section_count; i++)
        if (regint__sections[i] == sec)
            return i;
    return (size_t)-1;
}

regint_status regint__raw_section_parse(const cJSON *node, const char *file, int schema_version,
                                        const regint_dataset *ds, void **out)
{
    (void)schema_version;
    (void)ds;
    if (!cJSON_IsObject(node) && !cJSON_IsArray(node))
        return regint__json_error(file, node->string, REGINT_EPARSE, "expected an object or an array");
    cJSON *copy = cJSON_Duplicate(node, 1);
    if (!copy)
        return regint__enomem();
    *out = copy;
    return REGINT_OK;
}

cJSON *regint__raw_section_emit(const void *data)
{
    cJSON *c = cJSON_Duplicate((const cJSON *)data, 1);
    if (!c)
        regint__enomem();
    return c;
}

void regint__raw_section_free(void *data) { cJSON_Delete((cJSON *)data); }
