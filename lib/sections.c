/* Registry of optional dataset sections (see section.h). */
#include "dataset/section.h"

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
