/* Career guidance demand forecast. See include/regint/guidance.h and docs/tasks.md. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regint/apportion.h"
#include "regint/collaboration.h"
#include "regint/guidance.h"
#include "regint/validate.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/block.h"
#include "util/options.h"

void regint_guidance_forecast_result_free(regint_guidance_forecast_result *f)
{
    free(f); /* its arrays are in the same block (util/block.h) */
}

/* Persons per input row: far above any municipality, and small enough that sums of many
 * rows and the sessions derived from them stay inside int64. */
#define GUIDANCE_PERSONS_MAX INT64_C(1000000000)

static regint_status check_options(const regint_guidance_options *o)
{
    if (!(o->adult_share >= 0 && o->adult_share <= 1))
        return regint__error(REGINT_EINVAL, "guidance: adult_share must be in [0, 1], got %g", o->adult_share);
    if (!(o->intro_share >= 0 && o->intro_share <= 1))
        return regint__error(REGINT_EINVAL, "guidance: intro_share must be in [0, 1], got %g", o->intro_share);
    if (!(o->sessions_per_person >= 0 && o->sessions_per_person <= 1000))
        return regint__error(REGINT_EINVAL, "guidance: sessions_per_person must be in [0, 1000], got %g",
                             o->sessions_per_person);
    double sum = 0;
    for (int m = 0; m < 12; m++) {
        if (!(o->monthly_profile[m] >= 0) || !isfinite(o->monthly_profile[m]))
            return regint__error(REGINT_EINVAL, "guidance: monthly_profile[%d] must be a number >= 0", m);
        sum += o->monthly_profile[m];
    }
    if (!(sum > 0))
        return regint__error(REGINT_EINVAL, "guidance: monthly_profile is all zero");
    if (o->lag_months < 0 || o->lag_months > 11)
        return regint__error(REGINT_EINVAL, "guidance: lag_months must be in [0, 11], got %d", o->lag_months);
    if ((unsigned)o->measure > REGINT_MEASURE_ORIGINAL_REQUEST)
        return regint__error(REGINT_EINVAL, "guidance: unknown measure %d", (int)o->measure);
    if (o->centre_count && !o->centres)
        return regint__error(REGINT_EINVAL, "guidance: centre_count %zu but centres is NULL", o->centre_count);
    if (o->input_count && (!o->input_kommunenr || !o->input_persons))
        return regint__error(REGINT_EINVAL, "guidance: input_count %zu but the input arrays are NULL",
                             o->input_count);
    for (size_t i = 0; i < o->input_count; i++)
        if (o->input_persons[i] < 0 || o->input_persons[i] > GUIDANCE_PERSONS_MAX)
            return regint__error(REGINT_EINVAL, "guidance: input_persons[%zu] must be in [0, %lld], got %lld", i,
                                 (long long)GUIDANCE_PERSONS_MAX, (long long)o->input_persons[i]);
    return REGINT_OK;
}

/* settled(k) for a year from the dataset: the measure, else (optionally) the request.
 * Returns 1 and sets *v and *src if found, 0 if missing. */
static int figure(const regint_dataset *ds, const char *k, int year, const regint_guidance_options *o, int64_t *v,
                  const char **src)
{
    regint_value_t x;
    if (regint_dataset_settlement(ds, k, year, o->measure, REGINT_CATEGORY_ALL, &x) == REGINT_OK &&
        x.missing == REGINT_MISSING_NONE) {
        *v = llround(x.value);
        *src = regint_measure_name(o->measure);
        return 1;
    }
    if (o->fallback_to_request && o->measure != REGINT_MEASURE_REQUEST &&
        regint_dataset_settlement(ds, k, year, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &x) == REGINT_OK &&
        x.missing == REGINT_MISSING_NONE) {
        *v = llround(x.value);
        *src = regint_measure_name(REGINT_MEASURE_REQUEST);
        return 1;
    }
    *v = 0;
    *src = "missing";
    return 0;
}

/* Sessions of one centre's arrivals spread over 12 months (Hamilton, profile weights). */
static regint_status spread(const regint_guidance_options *o, int64_t total, int64_t month[12])
{
    regint_apportion_options ao = REGINT_APPORTION_OPTIONS_INIT;
    ao.method = REGINT_APPORTION_HAMILTON;
    return regint_apportion_double(o->monthly_profile, 12, total, &ao, month);
}

regint_status regint_guidance_forecast(const regint_dataset *ds, const char *fylkesnr, int year,
                                       const regint_guidance_options *opt, regint_guidance_forecast_result **out)
{
    static const regint_guidance_options defaults = REGINT_GUIDANCE_OPTIONS_INIT;
    if (!ds || !fylkesnr || !out)
        return regint__error(REGINT_EINVAL, "regint_guidance_forecast: NULL argument");
    REGINT__OPTIONS_RESOLVE(opt, defaults, REGINT_GUIDANCE_OPTIONS_VERSION, "regint_guidance_forecast");
    regint_status st = check_options(opt);
    if (st)
        return st;
    const regint_county_t *cty;
    if (regint_dataset_county(ds, fylkesnr, year, &cty) != REGINT_OK)
        return regint__error(REGINT_ENOTFOUND, "guidance: county '%.8s' does not exist in %d", fylkesnr, year);
    const regint_municipality_t **mun = NULL;
    size_t nm = 0;
    if ((st = regint_dataset_municipalities_in(ds, year, fylkesnr, &mun, &nm)))
        return st;
    for (size_t i = 0; i < opt->input_count; i++) {
        size_t k = 0;
        while (k < nm && strcmp(mun[k]->kommunenr, opt->input_kommunenr[i] ? opt->input_kommunenr[i] : ""))
            k++;
        if (k == nm) {
            free(mun);
            return regint__error(REGINT_ENOTFOUND, "guidance: input_kommunenr[%zu] '%.8s' is not a municipality "
                                 "of county %s in %d", i, opt->input_kommunenr[i] ? opt->input_kommunenr[i] : "",
                                 fylkesnr, year);
        }
    }

    /* Centres: given, else career_centre partners of the county, else one for the county. */
    size_t nc_given = 0;
    const regint_partner_t **partners = NULL;
    if (opt->centres)
        nc_given = opt->centre_count;
    else {
        partners = regint__calloc(regint_collaboration_partner_count(ds) + 1, sizeof *partners);
        if (!partners) {
            free(mun);
            return regint__enomem();
        }
        if (!strcmp(regint_collaboration_county(ds), fylkesnr))
            for (size_t i = 0; i < regint_collaboration_partner_count(ds); i++)
                if (regint_collaboration_partner_at(ds, i)->kind == REGINT_PARTNER_CAREER_CENTRE)
                    partners[nc_given++] = regint_collaboration_partner_at(ds, i);
    }
    size_t nc = nc_given + 1; /* + "unassigned", or the single county centre */
    /* The forecast with its arrays in one block: seven per centre, four per municipality. */
    const size_t counts[11] = {nc, nc, nc * 12, nc, nc, nc, nc, nm, nm, nm, nm};
#define PART(m) REGINT__BLOCK_ARRAY(regint_guidance_forecast_result, m)
    static const regint__block_array parts[11] = {
        PART(centre_id),    PART(centre_name), PART(sessions), PART(total),  PART(persons),  PART(carried_in),
        PART(carried_over), PART(kommunenr),   PART(settled),  PART(source), PART(centre_of)};
#undef PART
    regint_guidance_forecast_result *f =
        nc <= SIZE_MAX / 12 ? regint__block_new_in(sizeof *f, 11, counts, parts) : NULL;
    if (!f) {
        st = regint__enomem();
        goto fail;
    }
    snprintf(f->fylkesnr, sizeof f->fylkesnr, "%s", cty->fylkesnr);
    f->year = year;
    f->municipality_count = nm;
    for (size_t c = 0; c < nc_given; c++) {
        f->centre_id[c] = partners ? partners[c]->id : opt->centres[c].id;
        f->centre_name[c] = partners ? partners[c]->name : opt->centres[c].name;
        if (!f->centre_id[c] || !*f->centre_id[c]) {
            st = regint__error(REGINT_EINVAL, "guidance: centres[%zu] has no id", c);
            goto fail;
        }
    }
    f->centre_id[nc_given] = nc_given ? "unassigned" : "county";
    f->centre_name[nc_given] = nc_given ? "(no centre serves these municipalities)" : cty->name;
    for (size_t k = 0; k < nm; k++) {
        f->kommunenr[k] = mun[k]->kommunenr;
        f->centre_of[k] = nc_given;
        for (size_t c = 0; c < nc_given; c++) {
            size_t cnt = partners ? partners[c]->municipality_count : opt->centres[c].municipality_count;
            const char *const *list = partners ? partners[c]->municipalities : opt->centres[c].municipalities;
            for (size_t j = 0; list && j < cnt; j++)
                if (list[j] && !strcmp(list[j], mun[k]->kommunenr)) {
                    if (f->centre_of[k] != nc_given && f->centre_of[k] != c) {
                        st = regint__error(REGINT_EINVAL, "guidance: municipality %s is served by two centres, "
                                           "'%s' and '%s'", mun[k]->kommunenr, f->centre_id[f->centre_of[k]],
                                           f->centre_id[c]);
                        goto fail;
                    }
                    f->centre_of[k] = c;
                }
        }
    }

    /* settled(k) for the year, and last year (for the carry-in when lag > 0). */
    double *pers_prev = regint__calloc(nc, sizeof(double));
    if (!pers_prev) {
        st = regint__enomem();
        goto fail;
    }
    f->carried_in_complete = 1;
    for (size_t k = 0; k < nm; k++) {
        int64_t v = 0;
        if (opt->input_count) {
            f->source[k] = "input";
            for (size_t i = 0; i < opt->input_count; i++)
                if (opt->input_kommunenr[i] && !strcmp(opt->input_kommunenr[i], mun[k]->kommunenr))
                    v += opt->input_persons[i];
        } else
            figure(ds, mun[k]->kommunenr, year, opt, &v, &f->source[k]);
        f->settled[k] = v;
        f->persons[f->centre_of[k]] += (double)v * opt->adult_share * opt->intro_share;
        if (opt->lag_months > 0) {
            int64_t pv;
            const char *src;
            if (!figure(ds, mun[k]->kommunenr, year - 1, opt, &pv, &src))
                f->carried_in_complete = 0;
            pers_prev[f->centre_of[k]] += (double)pv * opt->adult_share * opt->intro_share;
        }
    }
    for (size_t c = 0; c < nc; c++) {
        int64_t cur[12], prev[12];
        double dt = f->persons[c] * opt->sessions_per_person, dp = pers_prev[c] * opt->sessions_per_person;
        if (!(dt < 1e15) || !(dp < 1e15)) {
            st = regint__error(REGINT_ERANGE, "guidance: centre '%s': %g sessions is out of range",
                               f->centre_id[c], dt > dp ? dt : dp);
            break;
        }
        int64_t tot = llround(dt);
        int64_t tot_prev = llround(dp);
        if ((st = spread(opt, tot, cur)) || (st = spread(opt, tot_prev, prev)))
            break;
        for (int m = 0; m < 12; m++) {
            int t = m + opt->lag_months;
            if (t < 12)
                f->sessions[c * 12 + t] += cur[m];
            else {
                f->carried_over[c] += cur[m];
                f->sessions[c * 12 + (t - 12)] += prev[m];
                f->carried_in[c] += prev[m];
            }
        }
        for (int m = 0; m < 12; m++)
            f->total[c] += f->sessions[c * 12 + m];
    }
    free(pers_prev);
    if (st)
        goto fail;
    /* Drop the "unassigned" row when centres exist and every municipality has one. */
    if (nc_given) {
        int used = 0;
        for (size_t k = 0; k < nm; k++)
            used |= f->centre_of[k] == nc_given;
        f->centre_count = used ? nc : nc_given;
    } else
        f->centre_count = nc;
    free(partners);
    free(mun);
    *out = f;
    return REGINT_OK;
fail:
    regint_guidance_forecast_result_free(f);
    free(partners);
    free(mun);
    return st;
}
