/* See block.h. */
#include "util/block.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"

static size_t round_up(size_t x)
{
    size_t a = alignof(max_align_t);
    return (x + a - 1) / a * a;
}

/* The element sizes sit `stride` bytes apart from `sizes`: a size_t array, or the `size`
 * members of a regint__block_array table. The start of array i goes to arrays[i] or, when
 * `members` is given, into the header's pointer member at members[i].at. */
static void *block_new(size_t head, size_t count, const size_t *n, const char *sizes, size_t stride,
                       void **arrays, const regint__block_array *members, char *obj)
{
    size_t total = round_up(head);
    for (size_t i = 0; i < count; i++) {
        size_t k = n[i] ? n[i] : 1, size;
        memcpy(&size, sizes + i * stride, sizeof size);
        if (size && k > (SIZE_MAX / 2) / size)
            goto nomem;
        size_t bytes = round_up(k * size);
        if (total > SIZE_MAX / 2 - bytes)
            goto nomem;
        total += bytes;
    }
    char *b = calloc(1, total ? total : 1);
    if (!b)
        goto nomem;
    size_t off = round_up(head);
    for (size_t i = 0; i < count; i++) {
        void *start = b + off;
        size_t size;
        memcpy(&size, sizes + i * stride, sizeof size);
        if (members) /* memcpy: the member's own pointer type is not known here */
            memcpy((obj ? obj : b) + members[i].at, &start, sizeof start);
        else
            arrays[i] = start;
        off += round_up((n[i] ? n[i] : 1) * size);
    }
    return b;
nomem:
    regint__enomem();
    return NULL;
}

void *regint__block_new(size_t head, size_t count, const size_t *n, const size_t *size, void **arrays)
{
    return block_new(head, count, n, (const char *)size, sizeof *size, arrays, NULL, NULL);
}

void *regint__block_new_in(size_t head, size_t count, const size_t *n, const regint__block_array *members)
{
    return block_new(head, count, n, (const char *)members + offsetof(regint__block_array, size),
                     sizeof *members, NULL, members, NULL);
}

void *regint__block_new_at(void *obj, size_t count, const size_t *n, const regint__block_array *members)
{
    return block_new(0, count, n, (const char *)members + offsetof(regint__block_array, size), sizeof *members,
                     NULL, members, obj);
}
