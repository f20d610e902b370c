/* Transactions: bulk loads (JSON, CSV) run inside one, so a failure leaves the dataset
 * exactly as it was. Begin remembers each table's length; replaced figures log their old
 * value; rollback truncates, restores and re-indexes. Not nested. */
#include "dataset/store.h"

static size_t *count_of(regint_dataset *ds, int t)
{
    switch (t) {
    case REGINT__T_COUNTY: return &ds->ncounties;
    case REGINT__T_MUNI: return &ds->nmunis;
    case REGINT__T_POP: return &ds->npops;
    case REGINT__T_CHANGE: return &ds->nchanges;
    case REGINT__T_SETTLE: return &ds->nsets;
    case REGINT__T_IND: return &ds->ninds;
    case REGINT__T_OBS: return &ds->nobs;
    default: return &ds->ncases;
    }
}

void regint__ds_begin(regint_dataset *ds)
{
    for (int t = 0; t < REGINT__T_COUNT; t++)
        ds->mark[t] = *count_of(ds, t);
    ds->nundo = 0;
    ds->in_tx = 1;
}

void regint__ds_commit(regint_dataset *ds)
{
    ds->in_tx = 0;
    ds->nundo = 0;
}

void regint__ds_rollback(regint_dataset *ds)
{
    if (!ds->in_tx)
        return;
    while (ds->nundo) {
        regint__undo *u = &ds->undo[--ds->nundo];
        if (u->table == REGINT__T_SETTLE)
            ds->sets[u->pos].value = u->old;
        else if (u->table == REGINT__T_OBS)
            ds->obs[u->pos].value = u->old;
        else
            ds->pops[u->pos].persons = u->old_persons;
    }
    for (int t = 0; t < REGINT__T_COUNT; t++)
        *count_of(ds, t) = ds->mark[t];
    regint__ds_reindex(ds); /* into the same capacities: allocates nothing */
    ds->in_tx = 0;
}

int regint__ds_replaceable(const regint_dataset *ds, int replace, int table, size_t pos)
{
    if (replace == 2)
        return !ds->in_tx || pos < ds->mark[table];
    return replace;
}

static regint_status log_undo(regint_dataset *ds, int table, size_t pos)
{
    if (!ds->in_tx)
        return REGINT_OK;
    REGINT__GROW(ds->undo, ds->nundo, ds->cundo);
    regint__undo *u = &ds->undo[ds->nundo++];
    u->table = table;
    u->pos = pos;
    if (table == REGINT__T_SETTLE)
        u->old = ds->sets[pos].value;
    else if (table == REGINT__T_OBS)
        u->old = ds->obs[pos].value;
    else
        u->old_persons = ds->pops[pos].persons;
    return REGINT_OK;
}

regint_status regint__ds_replace(regint_dataset *ds, int table, size_t pos, regint_value_t v, int64_t persons)
{
    regint_status st = log_undo(ds, table, pos);
    if (st)
        return st;
    if (table == REGINT__T_SETTLE)
        ds->sets[pos].value = v;
    else if (table == REGINT__T_OBS)
        ds->obs[pos].value = v;
    else
        ds->pops[pos].persons = persons;
    return REGINT_OK;
}
