/* Registry of optional dataset sections (see dataset/section.h): the one place that names
 * them. It sits above every layer, so the dataset core (below) never names a task. Adding a
 * section: define a regint__section in its module and list it here (the list is the order
 * in which sections are emitted on save). */
#include "dataset/section.h"

extern const regint__section regint__section_description;   /* dataset/description.c */
extern const regint__section regint__section_grants;        /* tasks/grants.c */
extern const regint__section regint__section_collaboration; /* tasks/collaboration.c */
extern const regint__section regint__section_qualification; /* knowledge/qualification.c */

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
