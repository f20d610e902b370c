#include "internal.h"
#include "matching_internal.h"
regint_status regint__match_mip(const regint__match_problem *p, int32_t *assign, int64_t *bound,
                                int *optimal, int64_t *nodes)
{
    (void)p; (void)assign; (void)bound; (void)optimal; (void)nodes;
    return regint__error(REGINT_EINVAL, "not yet");
}
