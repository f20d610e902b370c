/* See block.h. */
#include "util/block.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>

#include "util/alloc.h"
#include "util/error.h"

static size_t round_up(size_t x)
{
    size_t a = alignof(max_align_t);
    return (x + a - 1) / a * a;
}

void *regint__block_new(size_t head, size_t count, const size_t *n, const size_t *size, void **arrays)
{
    size_t total = round_up(head);
    for (size_t i = 0; i < count; i++) {
        size_t k = n[i] ? n[i] : 1;
        if (size[i] && k > (SIZE_MAX / 2) / size[i])
            goto nomem;
        size_t bytes = round_up(k * size[i]);
        if (total > SIZE_MAX / 2 - bytes)
            goto nomem;
        total += bytes;
    }
    char *b = calloc(1, total ? total : 1);
    if (!b)
        goto nomem;
    size_t off = round_up(head);
    for (size_t i = 0; i < count; i++) {
        arrays[i] = b + off;
        off += round_up((n[i] ? n[i] : 1) * size[i]);
    }
    return b;
nomem:
    regint__enomem();
    return NULL;
}
