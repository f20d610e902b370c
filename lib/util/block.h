/* Private: one allocation for a result struct and the arrays that hang off it. */
#ifndef REGINT_BLOCK_H
#define REGINT_BLOCK_H

#include <stddef.h>

/* Allocate, zeroed, a header of `head` bytes followed by `count` arrays, array i holding
 * n[i] elements of size[i] bytes (at least one element, so no array is NULL), each aligned
 * for any type. arrays[i] receives the start of array i. Returns the header: one free() of
 * it releases everything, so a result built this way is all-or-nothing and its _free is one
 * call. NULL with REGINT_ENOMEM set when out of memory or the sizes overflow. */
void *regint__block_new(size_t head, size_t count, const size_t *n, const size_t *size, void **arrays);

/* An array member of a result header: where its pointer sits and the size of one element,
 * both taken from the member itself by REGINT__BLOCK_ARRAY, so they cannot disagree. */
typedef struct regint__block_array {
    size_t at;
    size_t size;
} regint__block_array;
#define REGINT__BLOCK_ARRAY(type, member) {offsetof(type, member), sizeof *((type *)0)->member}

/* regint__block_new for a result header of `head` bytes whose pointer members
 * members[0..count) receive the arrays (n[i] elements each) directly: the result's
 * layout is one table instead of a sizes table plus one assignment per array. */
void *regint__block_new_in(size_t head, size_t count, const size_t *n, const regint__block_array *members);

/* The same for a struct that is not itself in the block (a working struct on the stack):
 * the arrays go into the pointer members of `obj`; the block is returned, and one free() of
 * it releases every array. */
void *regint__block_new_at(void *obj, size_t count, const size_t *n, const regint__block_array *members);

#endif
