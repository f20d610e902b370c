/* Private to lib/tasks: the reading API of a task section's record arrays, written once.
 * Grants and collaboration keep their records in arrays of their section data; the public
 * count / at / by-id functions over them had been written out per record kind (issue 13).
 *
 * Each macro expects, at its expansion site, a function
 *     static <data> *section_data(const regint_dataset *ds)   (NULL when the section is absent)
 * and, for REGINT__SECTION_BY_ID, a `find(data, id)` returning the record or NULL. */
#ifndef REGINT_TASKS_SECTION_RECORDS_H
#define REGINT_TASKS_SECTION_RECORDS_H

#include "util/error.h"

/* size_t count_fn(ds) and const type *at_fn(ds, i) over the `cnt` records `arr` of the
 * section's data (of type `data`). */
#define REGINT__SECTION_COUNT_AT(count_fn, at_fn, data, type, arr, cnt)                          \
    size_t count_fn(const regint_dataset *ds)                                                    \
    {                                                                                            \
        const data *d_ = section_data(ds);                                                       \
        return d_ ? d_->cnt : 0;                                                                 \
    }                                                                                            \
    const type *at_fn(const regint_dataset *ds, size_t i)                                        \
    {                                                                                            \
        const data *d_ = section_data(ds);                                                       \
        return d_ && i < d_->cnt ? &d_->arr[i] : NULL;                                           \
    }

/* regint_status fn(ds, id, const type **out): ENOTFOUND "no <what> with id '<id>'". */
#define REGINT__SECTION_BY_ID(fn, type, find, what)                                              \
    regint_status fn(const regint_dataset *ds, const char *id, const type **out)                 \
    {                                                                                            \
        if (!ds || !id || !out)                                                                  \
            return regint__error(REGINT_EINVAL, #fn ": NULL argument");                          \
        const type *r_ = find(section_data(ds), id);                                             \
        if (!r_)                                                                                 \
            return regint__error(REGINT_ENOTFOUND, "no " what " with id '%.64s'", id);           \
        *out = r_;                                                                               \
        return REGINT_OK;                                                                        \
    }

#endif
