/* "description": an optional top-level free-text note of a dataset document (for example
 * "invented example data"), kept as a string section so that it survives load → save. */
#include <stdlib.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/jsonutil.h"
#include "dataset/section.h"

static regint_status description_parse(const cJSON *node, const char *file, int schema_version,
                                       const regint_dataset *ds, void **out)
{
    (void)schema_version;
    (void)ds;
    if (!cJSON_IsString(node))
        return regint__json_error(file, "description", REGINT_EPARSE, "expected a string");
    char *s = regint__strdup(node->valuestring);
    if (!s)
        return regint__enomem();
    *out = s;
    return REGINT_OK;
}

static cJSON *description_emit(const void *data)
{
    cJSON *s = cJSON_CreateString((const char *)data);
    if (!s)
        regint__enomem();
    return s;
}

static void description_free(void *data) { free(data); }

const regint__section regint__section_description = {
    "description", description_parse, description_emit, description_free,
};
