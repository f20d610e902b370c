/* grants: dataset section (placeholder kept as raw JSON until its typed model lands). */
#include "section.h"

const regint__section regint__section_grants = {
    "grants", regint__raw_section_parse, regint__raw_section_emit, regint__raw_section_free,
};
