/* Grant schemes: model, validation, the "grants" dataset section, allocation, follow-up.
 * See include/regint/grants.h and docs/tasks.md. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regint/apportion.h"
#include "regint/grants.h"
#include "regint/validate.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/block.h"
#include "util/isodate.h"
#include "util/jsonutil.h"
#include "util/isodate.h"
#include "util/jsonutil.h"
#include "util/record.h"
#include "util/validate.h"
#include "tasks/section_records.h"
#include "util/options.h"
#include "util/enumname.h"
#include "dataset/section.h"

/* This module's dataset section (defined below; listed by the registry lib/sections.c). */
extern const regint__section regint__section_grants;

#define JSON_INT_MAX REGINT__JSON_INT_MAX
#define ADD REGINT__JSON_TRY /* the emitters' "or goto fail" */

/* ------------------------------------------------------------------------- */
/* Names                                                                     */

static const char *const kind_names[] = {"municipality", "county", "employer", "voluntary_organisation"};
static const char *const outcome_names[] = {"pending", "granted", "refused"};
static const char *const need_names[REGINT_GRANT_NEED_COUNT] = {"participants", "amount", "none"};

REGINT__ENUM_NAMES(regint_grant_need, regint_grant_need, need_names, REGINT_GRANT_NEED_COUNT, "need measure")
REGINT__ENUM_NAMES(regint_applicant_kind, regint_applicant_kind,
                   kind_names, REGINT_APPLICANT_KIND_COUNT, "applicant kind")
REGINT__ENUM_NAMES(regint_grant_outcome, regint_grant_outcome,
                   outcome_names, REGINT_GRANT_OUTCOME_COUNT, "outcome")

/* ------------------------------------------------------------------------- */
/* Storage: public value structs whose strings and arrays are owned here.    */

typedef struct grants_data {
    regint_grant_scheme_t *schemes;
    size_t ns;
    regint_grant_application_t *apps;
    size_t na;
} grants_data;

/* What each record kind owns (util/record.h does the copying and freeing). An application's
 * scores are not in its kind: a stored copy has the scheme's criterion_count of them, whatever
 * the caller's record says (app_copy), so they are copied and freed by hand. */
#define CRIT(m) offsetof(regint_grant_criterion_t, m)
#define SCHEME(m) offsetof(regint_grant_scheme_t, m)
#define APP(m) offsetof(regint_grant_application_t, m)
static const size_t criterion_strings[] = {CRIT(id), CRIT(name)};
static const size_t scheme_strings[] = {SCHEME(id), SCHEME(name), SCHEME(call_opens), SCHEME(deadline),
                                        SCHEME(report_due)};
static const size_t payment_strings[] = {offsetof(regint_grant_payment_t, date)};
#define STATUS(m) offsetof(regint_grant_status_report_t, m)
static const size_t status_strings[] = {STATUS(date), STATUS(period), STATUS(summary)};
static const size_t app_strings[] = {APP(id),           APP(scheme_id),     APP(received),
                                     APP(applicant_orgnr), APP(applicant_name), APP(target_group),
                                     APP(ineligible_reason), APP(decision_date), APP(decision_reason),
                                     APP(report_due),   APP(report_date)};
static const regint__record_kind criterion_kind = REGINT__RECORD_KIND(regint_grant_criterion_t, criterion_strings);
static const regint__record_kind payment_kind = REGINT__RECORD_KIND(regint_grant_payment_t, payment_strings);
static const regint__record_kind status_kind = REGINT__RECORD_KIND(regint_grant_status_report_t, status_strings);
static const regint__record_array scheme_arrays[] = {
    REGINT__RECORD_ARRAY(regint_grant_scheme_t, criteria, criterion_count, criterion_kind)};
static const regint__record_array app_arrays[] = {
    REGINT__RECORD_STRING_LIST(regint_grant_application_t, municipalities, municipality_count),
    REGINT__RECORD_ARRAY(regint_grant_application_t, payments, payment_count, payment_kind),
    REGINT__RECORD_ARRAY(regint_grant_application_t, status_reports, status_report_count, status_kind)};
static const regint__record_kind scheme_kind =
    REGINT__RECORD_KIND_ARRAYS(regint_grant_scheme_t, scheme_strings, scheme_arrays);
static const regint__record_kind app_kind = REGINT__RECORD_KIND_ARRAYS(regint_grant_application_t, app_strings,
                                                                       app_arrays);

static void app_clear(regint_grant_application_t *a)
{
    regint__xfree(a->scores);
    regint__record_clear(&app_kind, a);
}

static void grants_free(void *p)
{
    grants_data *g = p;
    if (!g)
        return;
    regint__record_array_free(&scheme_kind, g->schemes, g->ns);
    for (size_t i = 0; i < g->na; i++)
        regint__xfree(g->apps[i].scores);
    regint__record_array_free(&app_kind, g->apps, g->na);
    free(g);
}

static regint_status app_copy(regint_grant_application_t *dst, const regint_grant_application_t *src,
                              size_t ncrit)
{
    regint_status st = regint__record_copy(&app_kind, dst, src);
    if (st)
        return st;
    double *sc = regint__calloc(ncrit ? ncrit : 1, sizeof *sc);
    dst->scores = sc;
    dst->score_count = ncrit; /* the stored copy carries its length (src's is ignored) */
    if (!sc) {
        app_clear(dst);
        return REGINT_ENOMEM;
    }
    for (size_t i = 0; i < ncrit; i++)
        sc[i] = src->scores ? src->scores[i] : NAN;
    return REGINT_OK;
}

static grants_data *section_data(const regint_dataset *ds)
{
    return ds ? regint__dataset_section(ds, &regint__section_grants) : NULL;
}

static const regint_grant_scheme_t *find_scheme(const grants_data *g, const char *id)
{
    return g ? regint__record_find(&scheme_kind, g->schemes, g->ns, id) : NULL;
}

static regint_grant_application_t *find_app(const grants_data *g, const char *id)
{
    return g ? regint__record_find(&app_kind, g->apps, g->na, id) : NULL;
}

/* ------------------------------------------------------------------------- */
/* Validation, shared by the JSON reader and the building functions.         */
/* Like collaboration.c's, one validator, reader and writer per record kind, each a list of its
 * fields' rules; `duplicates` (issue 13) reports their same-shape lines as a pair of this file
 * with itself. Kept for the reason given in collaboration.c. */
/* `file`/`path` locate the record in messages ("<file>: <path>.<field>: ...") */

#define VERR(st, field, ...) regint__verr(file, path, field, st, __VA_ARGS__)

/* Amounts and counts stay within what a JSON number keeps exactly, so that a dataset
 * built through the API saves and loads back unchanged (and sums of a few cannot overflow). */
static regint_status not_above_json(const char *file, const char *path, const char *field, int64_t v)
{
    if (v > JSON_INT_MAX)
        return VERR(REGINT_ERANGE, field, "%lld is above 2^53, the largest whole number JSON keeps exactly",
                    (long long)v);
    return REGINT_OK;
}

static regint_status validate_scheme(const grants_data *g, const regint_grant_scheme_t *s,
                                     const char *file, const char *path)
{
    regint_status st;
    if ((st = regint__check_id_at(file, path, "id", s->id)))
        return st;
    if (find_scheme(g, s->id))
        return VERR(REGINT_EDUPLICATE, "id", "scheme id '%s' occurs twice", s->id);
    if (!regint__nonempty(s->name))
        return VERR(REGINT_EINVAL, "name", "must be a non-empty string");
    if ((st = regint__check_text_at(file, path, "name", s->name)))
        return st;
    if (s->year < 1900 || s->year > 2999)
        return VERR(REGINT_ERANGE, "year", "%d is not a plausible year", s->year);
    if (s->budget < 0)
        return VERR(REGINT_ERANGE, "budget", "must be a non-negative amount in kroner, got %lld",
                    (long long)s->budget);
    if ((st = not_above_json(file, path, "budget", s->budget)) ||
        (s->max_per_application != INT64_MAX &&
         (st = not_above_json(file, path, "max_per_application", s->max_per_application))) ||
        (st = not_above_json(file, path, "rounding_unit", s->rounding_unit)))
        return st;
    if (!s->deadline)
        return VERR(REGINT_EINVAL, "call.deadline", "required date is missing");
    if ((st = regint__check_date_at(file, path, "call.deadline", s->deadline, 0)) ||
        (st = regint__check_date_at(file, path, "call.opens", s->call_opens, 0)) ||
        (st = regint__check_date_at(file, path, "report_due", s->report_due, 0)))
        return st;
    if (s->call_opens && strcmp(s->call_opens, s->deadline) > 0)
        return VERR(REGINT_EINVAL, "call.opens", "the call opens (%s) after its deadline (%s)",
                    s->call_opens, s->deadline);
    if (!(s->result_target >= 0 && s->result_target <= 1))
        return VERR(REGINT_ERANGE, "result_target", "must be a share in (0, 1] (or 0 for none), got %g",
                    s->result_target);
    if (s->max_per_application <= 0)
        return VERR(REGINT_ERANGE, "max_per_application", "must be a positive amount, got %lld",
                    (long long)s->max_per_application);
    if (s->rounding_unit < 1)
        return VERR(REGINT_ERANGE, "rounding_unit", "must be at least 1 krone, got %lld",
                    (long long)s->rounding_unit);
    if (!(s->score_max > 0) || !isfinite(s->score_max))
        return VERR(REGINT_ERANGE, "score_max", "must be a positive number");
    if (s->criterion_count == 0 || !s->criteria)
        return VERR(REGINT_EINVAL, "criteria", "a scheme needs at least one assessment criterion");
    for (size_t i = 0; i < s->criterion_count; i++) {
        char cp[REGINT__PATH_MAX];
        regint__path_sub_index(cp, path, "criteria", i);
        const regint_grant_criterion_t *c = &s->criteria[i];
        if ((st = regint__check_id_at(file, cp, "id", c->id)))
            return st;
        for (size_t j = 0; j < i; j++)
            if (!strcmp(s->criteria[j].id, c->id))
                return regint__verr(file, cp, "id", REGINT_EDUPLICATE, "criterion id '%s' occurs twice", c->id);
        if ((st = regint__check_text_at(file, cp, "name", c->name)))
            return st;
        if (!(c->weight > 0) || !isfinite(c->weight))
            return regint__verr(file, cp, "weight", REGINT_ERANGE, "must be a positive number");
    }
    return REGINT_OK;
}

static int64_t paid_total(const regint_grant_application_t *a)
{
    int64_t t = 0;
    for (size_t i = 0; i < a->payment_count; i++)
        t += a->payments[i].amount;
    return t;
}

/* The status reports of an application whose final report (if any) is already checked: each
 * dated, in the order received, none after the final report, no fødselsnummer in the text. */
static regint_status validate_status_reports(const regint_grant_application_t *a, const char *file,
                                             const char *app_path)
{
    regint_status st;
    for (size_t i = 0; i < a->status_report_count; i++) {
        const regint_grant_status_report_t *r = &a->status_reports[i];
        char path[REGINT__PATH_MAX];
        regint__path_sub_index(path, app_path, "status_reports", i);
        if (a->outcome != REGINT_GRANT_GRANTED)
            return VERR(REGINT_EINVAL, NULL, "only a granted application sends status reports");
        if ((st = regint__check_date_at(file, path, "date", r->date, 1)) ||
            (st = regint__check_text_at(file, path, "period", r->period)) ||
            (st = regint__check_text_at(file, path, "summary", r->summary)))
            return st;
        if (r->participants < -1)
            return VERR(REGINT_ERANGE, "participants", "must be >= 0 (or -1: not given), got %lld",
                        (long long)r->participants);
        if ((st = not_above_json(file, path, "participants", r->participants)))
            return st;
        if (i > 0 && strcmp(r->date, a->status_reports[i - 1].date) < 0)
            return VERR(REGINT_EINVAL, "date", "%s is before status_reports[%zu] (%s): status reports are kept in "
                        "the order received", r->date, i - 1, a->status_reports[i - 1].date);
        if (a->reported && strcmp(r->date, a->report_date) > 0)
            return VERR(REGINT_EINVAL, "date", "a status report (%s) after the final report (%s)", r->date,
                        a->report_date);
    }
    return REGINT_OK;
}

/* `self`: the stored record being replaced (skipped in the duplicate check), or NULL. */
static regint_status validate_app(const grants_data *g, const regint_dataset *ds,
                                  const regint_grant_application_t *a,
                                  const regint_grant_application_t *self, const char *file,
                                  const char *path)
{
    regint_status st;
    if ((st = regint__check_id_at(file, path, "id", a->id)))
        return st;
    const regint_grant_application_t *other = find_app(g, a->id);
    if (other && other != self)
        return VERR(REGINT_EDUPLICATE, "id", "application id '%s' occurs twice", a->id);
    const regint_grant_scheme_t *s = find_scheme(g, a->scheme_id);
    if (!s)
        return VERR(REGINT_ENOTFOUND, "scheme", "no scheme with id '%.64s'", a->scheme_id ? a->scheme_id : "");
    if ((st = regint__check_date_at(file, path, "received", a->received, 0)))
        return st;
    /* The value is not echoed: a mistyped field may hold a person's number. */
    if (!regint_validate_orgnr(a->applicant_orgnr))
        return VERR(REGINT_EINVAL, "applicant.orgnr",
                    "not a valid organisation number (9 digits, modulus-11 check digit "
                    "with weights 3 2 7 6 5 4 3 2)");
    if ((st = regint__check_text_at(file, path, "applicant.name", a->applicant_name)) ||
        (st = regint__check_text_at(file, path, "target_group", a->target_group)) ||
        (st = regint__check_text_at(file, path, "ineligible_reason", a->ineligible_reason)) ||
        (st = regint__check_text_at(file, path, "decision_reason", a->decision_reason)))
        return st;
    if (!regint__nonempty(a->applicant_name))
        return VERR(REGINT_EINVAL, "applicant.name", "must be a non-empty string");
    if ((unsigned)a->applicant_kind > REGINT_APPLICANT_VOLUNTARY_ORGANISATION)
        return VERR(REGINT_EINVAL, "applicant.kind", "unknown applicant kind");
    if (a->amount_applied <= 0)
        return VERR(REGINT_ERANGE, "amount_applied", "must be a positive amount in kroner, got %lld",
                    (long long)a->amount_applied);
    if (a->planned_participants < 0)
        return VERR(REGINT_ERANGE, "planned_participants", "must be >= 0, got %lld",
                    (long long)a->planned_participants);
    if ((st = not_above_json(file, path, "amount_applied", a->amount_applied)) ||
        (st = not_above_json(file, path, "planned_participants", a->planned_participants)) ||
        (st = not_above_json(file, path, "report.participants_reached", a->participants_reached)) ||
        (st = not_above_json(file, path, "amount_reclaimed", a->amount_reclaimed)))
        return st;
    if (a->municipality_count == 0 || !a->municipalities)
        return VERR(REGINT_EINVAL, "municipalities", "an application covers at least one municipality");
    for (size_t i = 0; i < a->municipality_count; i++) {
        char mp[REGINT__PATH_MAX];
        regint__path_sub_index(mp, path, "municipalities", i);
        const char *k = a->municipalities[i];
        if (!regint_validate_kommunenr_format(k))
            return regint__json_error(file, mp, REGINT_EINVAL, "expected a kommunenr of four digits, got '%.20s'",
                                      k ? k : "");
        const regint_municipality_t *mun;
        if (regint_dataset_municipality(ds, k, s->year, &mun) != REGINT_OK)
            return regint__json_error(file, mp, REGINT_ENOTFOUND,
                                      "municipality %s does not exist in %d (the year of scheme '%s')", k,
                                      s->year, s->id);
        for (size_t j = 0; j < i; j++)
            if (!strcmp(a->municipalities[j], k))
                return regint__json_error(file, mp, REGINT_EDUPLICATE, "municipality %s listed twice", k);
    }
    if (!a->eligible && !regint__nonempty(a->ineligible_reason))
        return VERR(REGINT_EINVAL, "ineligible_reason", "an ineligible application needs a reason");
    for (size_t i = 0; a->scores && i < s->criterion_count; i++) {
        double v = a->scores[i];
        if (!isnan(v) && (!(v >= 0) || v > s->score_max))
            return VERR(REGINT_ERANGE, "scores", "score for '%s' must be in [0, %g], got %g", s->criteria[i].id,
                        s->score_max, v);
    }
    /* decision */
    if ((st = regint__check_date_at(file, path, "decision.date", a->decision_date, 0)))
        return st;
    int64_t cap = a->amount_applied < s->max_per_application ? a->amount_applied : s->max_per_application;
    switch (a->outcome) {
    case REGINT_GRANT_PENDING:
        if (a->amount_granted != 0)
            return VERR(REGINT_EINVAL, "decision.amount", "a pending application has no granted amount");
        break;
    case REGINT_GRANT_GRANTED:
        if (a->amount_granted <= 0)
            return VERR(REGINT_ERANGE, "decision.amount", "a grant must be a positive amount, got %lld",
                        (long long)a->amount_granted);
        if (a->amount_granted > cap)
            return VERR(REGINT_ERANGE, "decision.amount",
                        "%lld kr exceeds min(amount applied %lld, scheme maximum %lld)",
                        (long long)a->amount_granted, (long long)a->amount_applied,
                        (long long)s->max_per_application);
        break;
    case REGINT_GRANT_REFUSED:
        if (a->amount_granted != 0)
            return VERR(REGINT_EINVAL, "decision.amount", "a refusal grants nothing");
        if (!regint__nonempty(a->decision_reason))
            return VERR(REGINT_EINVAL, "decision.reason", "a refusal needs a reason");
        break;
    default:
        return VERR(REGINT_EINVAL, "decision.outcome", "unknown outcome");
    }
    /* payments */
    int64_t paid = 0;
    for (size_t i = 0; i < a->payment_count; i++) {
        char pp[REGINT__PATH_MAX];
        regint__path_sub_index(pp, path, "payments", i);
        if (!regint__date_parse(a->payments[i].date, NULL, NULL, NULL))
            return regint__verr(file, pp, "date", REGINT_EINVAL, "expected a date YYYY-MM-DD");
        if (a->payments[i].amount <= 0)
            return regint__verr(file, pp, "amount", REGINT_ERANGE, "a payment must be a positive amount, got %lld",
                        (long long)a->payments[i].amount);
        if ((st = not_above_json(file, pp, "amount", a->payments[i].amount)))
            return st;
        /* One final payment, nothing after it (issue 18): it is the last entry and no earlier
         * entry is dated after it. */
        if (i > 0 && a->payments[i - 1].final)
            return regint__verr(file, pp, NULL, REGINT_EINVAL,
                                "a payment after the final payment (payments[%zu]): nothing is paid after it",
                                i - 1);
        for (size_t k = 0; a->payments[i].final && k < i; k++)
            if (strcmp(a->payments[k].date, a->payments[i].date) > 0)
                return regint__verr(file, pp, "date", REGINT_EINVAL,
                                    "the final payment is dated before payments[%zu] (%s); it must be the last",
                                    k, a->payments[k].date);
        paid += a->payments[i].amount; /* <= granted (<= 2^53) + 2^53: no overflow */
        if (paid > a->amount_granted)
            return regint__verr(file, pp, "amount", REGINT_ERANGE,
                        "payments total %lld kr, more than the %lld kr granted", (long long)paid,
                        (long long)a->amount_granted);
    }
    /* report */
    if ((st = regint__check_date_at(file, path, "report_due", a->report_due, 0)))
        return st;
    if (a->reported) {
        if (a->outcome != REGINT_GRANT_GRANTED)
            return VERR(REGINT_EINVAL, "report", "only a granted application reports on its use of funds");
        if (!regint__date_parse(a->report_date, NULL, NULL, NULL))
            return VERR(REGINT_EINVAL, "report.date", "expected a date YYYY-MM-DD");
        if (a->participants_reached < 0)
            return VERR(REGINT_ERANGE, "report.participants_reached", "must be >= 0, got %lld",
                        (long long)a->participants_reached);
        if (a->funds_used < 0)
            return VERR(REGINT_ERANGE, "report.funds_used", "must be >= 0, got %lld", (long long)a->funds_used);
        if (a->funds_used > paid)
            return VERR(REGINT_ERANGE, "report.funds_used", "%lld kr used, but only %lld kr paid",
                        (long long)a->funds_used, (long long)paid);
    }
    if (a->has_results) {
        if (!a->reported)
            return VERR(REGINT_EINVAL, "report.results", "results per participant come with the final report");
        if (a->results_work < 0 || a->results_education < 0)
            return VERR(REGINT_ERANGE, "report.results", "counts must be >= 0, got work %lld, education %lld",
                        (long long)a->results_work, (long long)a->results_education);
        if ((st = not_above_json(file, path, "report.results.work", a->results_work)) ||
            (st = not_above_json(file, path, "report.results.education", a->results_education)))
            return st;
        if (a->results_work + a->results_education > a->participants_reached)
            return VERR(REGINT_ERANGE, "report.results",
                        "%lld in work + %lld in education, more than the %lld participants reached",
                        (long long)a->results_work, (long long)a->results_education,
                        (long long)a->participants_reached);
    }
    if ((st = validate_status_reports(a, file, path)))
        return st;
    if (a->amount_reclaimed < 0)
        return VERR(REGINT_ERANGE, "amount_reclaimed", "must be >= 0, got %lld", (long long)a->amount_reclaimed);
    if (a->amount_reclaimed > 0) {
        if (!a->reported)
            return VERR(REGINT_EINVAL, "amount_reclaimed", "money is reclaimed only after the report");
        if (a->amount_reclaimed > paid - a->funds_used)
            return VERR(REGINT_ERANGE, "amount_reclaimed", "%lld kr reclaimed, more than unused %lld kr",
                        (long long)a->amount_reclaimed, (long long)(paid - a->funds_used));
    }
    return REGINT_OK;
}

/* a + b for non-negative amounts, saturating at INT64_MAX (then above any budget). */
static int64_t sat_add(int64_t a, int64_t b)
{
    return b > INT64_MAX - a ? INT64_MAX : a + b;
}

/* Sum of grants of a scheme within its budget; `repl` replaces the stored `self`. */
static regint_status check_budget(const grants_data *g, const regint_grant_scheme_t *s,
                                  const regint_grant_application_t *self,
                                  const regint_grant_application_t *repl, const char *file)
{
    int64_t total = 0;
    for (size_t i = 0; i < g->na; i++) {
        const regint_grant_application_t *a = &g->apps[i] == self ? repl : &g->apps[i];
        if (!strcmp(a->scheme_id, s->id) && a->outcome == REGINT_GRANT_GRANTED)
            total = sat_add(total, a->amount_granted);
    }
    if (!self && repl && !strcmp(repl->scheme_id, s->id) && repl->outcome == REGINT_GRANT_GRANTED)
        total = sat_add(total, repl->amount_granted);
    if (total > s->budget)
        return regint__error(REGINT_EINFEASIBLE, "%s: scheme '%s': grants total %lld kr, more than the "
                             "budget of %lld kr", file, s->id, (long long)total, (long long)s->budget);
    return REGINT_OK;
}

/* ------------------------------------------------------------------------- */
/* JSON reading                                                              */

static regint_status parse_scheme(const char *file, const char *path, const cJSON *o,
                                  regint_grant_scheme_t *s, regint_grant_criterion_t **crit_out)
{
    regint_status st;
    int64_t v;
    memset(s, 0, sizeof *s);
    *crit_out = NULL;
    s->max_per_application = INT64_MAX;
    s->rounding_unit = 1;
    s->score_max = 6;
    /* "applications" only in the version-1 form (schemes with their applications nested). */
    static const char *const keys[] = {"id", "name", "year", "budget", "max_per_application", "rounding_unit",
                                       "score_max", "report_due", "result_target", "call", "criteria",
                                       "applications", NULL};
    if ((st = regint__json_only(file, path, o, keys)))
        return st;
    if ((st = regint__json_string(file, path, o, "id", 1, &s->id)) ||
        (st = regint__json_string(file, path, o, "name", 1, &s->name)))
        return st;
    if ((st = regint__json_int(file, path, o, "year", 1, 1900, 2999, &v)))
        return st;
    s->year = (int)v;
    if ((st = regint__json_int(file, path, o, "budget", 1, -JSON_INT_MAX, JSON_INT_MAX, &s->budget)) ||
        (st = regint__json_int(file, path, o, "max_per_application", 0, -JSON_INT_MAX, JSON_INT_MAX,
                               &s->max_per_application)) ||
        (st = regint__json_int(file, path, o, "rounding_unit", 0, -JSON_INT_MAX, JSON_INT_MAX, &s->rounding_unit)) ||
        (st = regint__json_number(file, path, o, "score_max", 0, &s->score_max)) ||
        (st = regint__json_date(file, path, o, "report_due", 0, &s->report_due)) ||
        (st = regint__json_number(file, path, o, "result_target", 0, &s->result_target)))
        return st;
    const cJSON *call, *arr;
    char cp[REGINT__PATH_MAX];
    regint__json_path_key(cp, path, "call");
    static const char *const call_keys[] = {"opens", "deadline", NULL};
    if ((st = regint__json_object(file, path, o, "call", 1, &call)) ||
        (st = regint__json_only(file, cp, call, call_keys)) ||
        (st = regint__json_date(file, cp, call, "opens", 0, &s->call_opens)) ||
        (st = regint__json_date(file, cp, call, "deadline", 1, &s->deadline)))
        return st;
    if ((st = regint__json_array(file, path, o, "criteria", 1, &arr)))
        return st;
    size_t n = (size_t)cJSON_GetArraySize(arr);
    regint_grant_criterion_t *c = regint__calloc(n ? n : 1, sizeof *c);
    if (!c)
        return regint__enomem();
    *crit_out = c;
    size_t i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        char ip[REGINT__PATH_MAX];
        regint__path_sub_index(ip, path, "criteria", i);
        static const char *const crit_keys[] = {"id", "name", "weight", NULL};
        if ((st = regint__json_only(file, ip, it, crit_keys)) ||
            (st = regint__json_string(file, ip, it, "id", 1, &c[i].id)) ||
            (st = regint__json_string(file, ip, it, "name", 0, &c[i].name)) ||
            (st = regint__json_number(file, ip, it, "weight", 1, &c[i].weight)))
            return st;
        i++;
    }
    s->criteria = c;
    s->criterion_count = n;
    return REGINT_OK;
}

/* `scheme_id` is given for version-1 nested applications (the scheme is the parent). */
/* `"status_reports": [{"date", "period", "summary", "participants"}]` (the array is the
 * caller's to free, its strings are borrowed from the document). */
static regint_status parse_status_reports(const char *file, const char *path, const cJSON *o,
                                          regint_grant_application_t *a)
{
    const cJSON *arr, *it;
    regint_status st = regint__json_array(file, path, o, "status_reports", 0, &arr);
    if (st)
        return st;
    size_t n = arr ? (size_t)cJSON_GetArraySize(arr) : 0, i = 0;
    regint_grant_status_report_t *r = regint__calloc(n ? n : 1, sizeof *r);
    a->status_reports = r;
    if (!r)
        return regint__enomem();
    static const char *const keys[] = {"date", "period", "summary", "participants", NULL};
    cJSON_ArrayForEach(it, arr)
    {
        char rp[REGINT__PATH_MAX];
        regint__path_sub_index(rp, path, "status_reports", i);
        r[i].participants = -1;
        if ((st = regint__json_only(file, rp, it, keys)) ||
            (st = regint__json_date(file, rp, it, "date", 1, &r[i].date)) ||
            (st = regint__json_string(file, rp, it, "period", 0, &r[i].period)) ||
            (st = regint__json_string(file, rp, it, "summary", 0, &r[i].summary)) ||
            (st = regint__json_int(file, rp, it, "participants", 0, 0, JSON_INT_MAX, &r[i].participants)))
            return st;
        a->status_report_count = ++i;
    }
    return REGINT_OK;
}

static regint_status parse_app(const char *file, const char *path, const cJSON *o, const grants_data *g,
                               const char *scheme_id, regint_grant_application_t *a)
{
    regint_status st;
    int kind = 0, outcome = 0;
    const cJSON *appl, *arr, *dec, *rep, *scores;
    char p2[REGINT__PATH_MAX];
    memset(a, 0, sizeof *a);
    a->eligible = 1;
    static const char *const keys[] = {"id", "scheme", "received", "applicant", "amount_applied",
                                       "planned_participants", "target_group", "eligible", "ineligible_reason",
                                       "report_due", "amount_reclaimed", "municipalities", "scores", "decision",
                                       "payments", "report", "status_reports", NULL};
    static const char *const appl_keys[] = {"orgnr", "name", "kind", NULL};
    if ((st = regint__json_only(file, path, o, keys)))
        return st;
    if ((st = regint__json_string(file, path, o, "id", 1, &a->id)))
        return st;
    if (scheme_id) {
        const char *s2 = NULL;
        if ((st = regint__json_string(file, path, o, "scheme", 0, &s2)))
            return st;
        if (s2 && strcmp(s2, scheme_id))
            return regint__verr(file, path, "scheme", REGINT_EINVAL, "'%s' differs from the enclosing scheme '%s'",
                        s2, scheme_id);
        a->scheme_id = scheme_id;
    } else if ((st = regint__json_string(file, path, o, "scheme", 1, &a->scheme_id)))
        return st;
    const regint_grant_scheme_t *s = find_scheme(g, a->scheme_id);
    if (!s)
        return regint__verr(file, path, "scheme", REGINT_ENOTFOUND, "no scheme with id '%.64s'", a->scheme_id);
    regint__json_path_key(p2, path, "applicant");
    if ((st = regint__json_date(file, path, o, "received", 0, &a->received)) ||
        (st = regint__json_object(file, path, o, "applicant", 1, &appl)) ||
        (st = regint__json_only(file, p2, appl, appl_keys)) ||
        (st = regint__json_string(file, p2, appl, "orgnr", 1, &a->applicant_orgnr)) ||
        (st = regint__json_string(file, p2, appl, "name", 1, &a->applicant_name)) ||
        (st = regint__json_enum(file, p2, appl, "kind", 1, kind_names, REGINT_APPLICANT_KIND_COUNT,
                                "applicant kind", &kind)))
        return st;
    a->applicant_kind = (regint_applicant_kind)kind;
    if ((st = regint__json_int(file, path, o, "amount_applied", 1, -JSON_INT_MAX, JSON_INT_MAX, &a->amount_applied)) ||
        (st = regint__json_int(file, path, o, "planned_participants", 1, -JSON_INT_MAX, JSON_INT_MAX,
                               &a->planned_participants)) ||
        (st = regint__json_string(file, path, o, "target_group", 0, &a->target_group)) ||
        (st = regint__json_bool(file, path, o, "eligible", 0, &a->eligible)) ||
        (st = regint__json_string(file, path, o, "ineligible_reason", 0, &a->ineligible_reason)) ||
        (st = regint__json_date(file, path, o, "report_due", 0, &a->report_due)) ||
        (st = regint__json_int(file, path, o, "amount_reclaimed", 0, -JSON_INT_MAX, JSON_INT_MAX,
                               &a->amount_reclaimed)))
        return st;
    /* municipalities */
    if ((st = regint__json_array(file, path, o, "municipalities", 1, &arr)))
        return st;
    size_t n = (size_t)cJSON_GetArraySize(arr), i = 0;
    const char **muni = regint__calloc(n ? n : 1, sizeof *muni);
    a->municipalities = muni;
    if (!muni)
        return regint__enomem();
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        if (!cJSON_IsString(it)) {
            char mp[REGINT__PATH_MAX];
            regint__path_sub_index(mp, path, "municipalities", i);
            return regint__json_error(file, mp, REGINT_EPARSE, "expected a kommunenr string");
        }
        muni[i++] = it->valuestring;
    }
    a->municipality_count = n;
    /* scores: {"criterion": number}; absent criteria are not assessed */
    double *sc = regint__calloc(s->criterion_count, sizeof *sc);
    a->scores = sc;
    if (!sc)
        return regint__enomem();
    for (size_t c = 0; c < s->criterion_count; c++)
        sc[c] = NAN;
    if ((st = regint__json_object(file, path, o, "scores", 0, &scores)))
        return st;
    regint__json_path_key(p2, path, "scores");
    cJSON_ArrayForEach(it, scores)
    {
        size_t c = 0;
        while (c < s->criterion_count && strcmp(s->criteria[c].id, it->string))
            c++;
        char sp[REGINT__PATH_MAX];
        regint__json_path_key(sp, p2, it->string);
        if (c == s->criterion_count)
            return regint__json_error(file, sp, REGINT_ENOTFOUND, "scheme '%s' has no criterion '%.40s'", s->id,
                                      it->string);
        if (cJSON_IsNull(it))
            continue;
        if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble))
            return regint__json_error(file, sp, REGINT_EPARSE, "expected a number or null");
        sc[c] = it->valuedouble;
    }
    /* decision */
    if ((st = regint__json_object(file, path, o, "decision", 0, &dec)))
        return st;
    if (dec) {
        regint__json_path_key(p2, path, "decision");
        static const char *const dec_keys[] = {"outcome", "amount", "date", "reason", NULL};
        if ((st = regint__json_only(file, p2, dec, dec_keys)) ||
            (st = regint__json_enum(file, p2, dec, "outcome", 1, outcome_names, REGINT_GRANT_OUTCOME_COUNT,
                                    "outcome", &outcome)))
            return st;
        a->outcome = (regint_grant_outcome)outcome;
        if ((st = regint__json_int(file, p2, dec, "amount", 0, -JSON_INT_MAX, JSON_INT_MAX, &a->amount_granted)) ||
            (st = regint__json_date(file, p2, dec, "date", 0, &a->decision_date)) ||
            (st = regint__json_string(file, p2, dec, "reason", 0, &a->decision_reason)))
            return st;
    }
    /* payments */
    if ((st = regint__json_array(file, path, o, "payments", 0, &arr)))
        return st;
    n = arr ? (size_t)cJSON_GetArraySize(arr) : 0;
    regint_grant_payment_t *pay = regint__calloc(n ? n : 1, sizeof *pay);
    a->payments = pay;
    if (!pay)
        return regint__enomem();
    i = 0;
    cJSON_ArrayForEach(it, arr)
    {
        char pp[REGINT__PATH_MAX];
        regint__path_sub_index(pp, path, "payments", i);
        static const char *const pay_keys[] = {"date", "amount", "final", NULL};
        if ((st = regint__json_only(file, pp, it, pay_keys)) ||
            (st = regint__json_date(file, pp, it, "date", 1, &pay[i].date)) ||
            (st = regint__json_int(file, pp, it, "amount", 1, -JSON_INT_MAX, JSON_INT_MAX, &pay[i].amount)) ||
            (st = regint__json_bool(file, pp, it, "final", 0, &pay[i].final)))
            return st;
        i++;
    }
    a->payment_count = n;
    /* report */
    if ((st = regint__json_object(file, path, o, "report", 0, &rep)))
        return st;
    if (rep) {
        regint__json_path_key(p2, path, "report");
        a->reported = 1;
        static const char *const rep_keys[] = {"date", "participants_reached", "funds_used", "results", NULL};
        static const char *const res_keys[] = {"work", "education", NULL};
        const cJSON *res;
        char p3[REGINT__PATH_MAX];
        regint__json_path_key(p3, p2, "results");
        if ((st = regint__json_only(file, p2, rep, rep_keys)) ||
            (st = regint__json_date(file, p2, rep, "date", 1, &a->report_date)) ||
            (st = regint__json_int(file, p2, rep, "participants_reached", 1, -JSON_INT_MAX, JSON_INT_MAX,
                                   &a->participants_reached)) ||
            (st = regint__json_int(file, p2, rep, "funds_used", 1, -JSON_INT_MAX, JSON_INT_MAX, &a->funds_used)) ||
            (st = regint__json_object(file, p2, rep, "results", 0, &res)))
            return st;
        if (res && ((st = regint__json_only(file, p3, res, res_keys)) ||
                    (st = regint__json_int(file, p3, res, "work", 1, -JSON_INT_MAX, JSON_INT_MAX, &a->results_work)) ||
                    (st = regint__json_int(file, p3, res, "education", 1, -JSON_INT_MAX, JSON_INT_MAX,
                                           &a->results_education))))
            return st;
        a->has_results = res != NULL;
    }
    return parse_status_reports(file, path, o, a);
}

static regint_status append_scheme(grants_data *g, const regint_grant_scheme_t *s)
{
    return regint__record_append(&scheme_kind, &g->schemes, &g->ns, s);
}

static regint_status append_app(grants_data *g, const regint_grant_application_t *a)
{
    const regint_grant_scheme_t *s = find_scheme(g, a->scheme_id);
    regint_grant_application_t *na = regint__reallocarray(g->apps, g->na + 1, sizeof *na);
    if (!na)
        return regint__enomem();
    g->apps = na;
    regint_status st = app_copy(&na[g->na], a, s ? s->criterion_count : 0);
    if (!st)
        g->na++;
    return st;
}

static regint_status read_scheme(const char *file, const char *path, const cJSON *o, grants_data *g)
{
    regint_grant_scheme_t s;
    regint_grant_criterion_t *crit;
    regint_status st = parse_scheme(file, path, o, &s, &crit);
    if (!st)
        st = validate_scheme(g, &s, file, path);
    if (!st)
        st = append_scheme(g, &s);
    free(crit);
    return st;
}

static regint_status read_app(const char *file, const char *path, const cJSON *o, grants_data *g,
                              const regint_dataset *ds, const char *scheme_id)
{
    regint_grant_application_t a;
    regint_status st = parse_app(file, path, o, g, scheme_id, &a);
    if (!st)
        st = validate_app(g, ds, &a, NULL, file, path);
    if (!st)
        st = append_app(g, &a);
    /* The arrays parse_app allocated (their strings are borrowed from the document). */
    regint__xfree(a.municipalities);
    regint__xfree(a.scores);
    regint__xfree(a.payments);
    regint__xfree(a.status_reports);
    return st;
}

static regint_status grants_parse(const cJSON *node, const char *file, int schema_version,
                                  const regint_dataset *ds, void **out)
{
    regint_status st = REGINT_OK;
    grants_data *g = regint__calloc(1, sizeof *g);
    if (!g)
        return regint__enomem();
    const cJSON *it;
    char path[REGINT__PATH_MAX];
    size_t i = 0;
    if (schema_version <= 1 && cJSON_IsArray(node)) {
        /* Version 1 kept this section as raw JSON. Its readable form is defined as an array
         * of schemes, each with its applications nested under "applications" (the
         * scheme of a nested application is its parent). Converted to the flat form. */
        size_t k = 0;
        cJSON_ArrayForEach(it, node)
        {
            snprintf(path, sizeof path, "grants[%zu]", i++);
            if ((st = read_scheme(file, path, it, g)))
                goto done;
            const cJSON *apps;
            char ap[REGINT__PATH_MAX];
            if ((st = regint__json_array(file, path, it, "applications", 0, &apps)))
                goto done;
            const cJSON *a;
            size_t j = 0;
            cJSON_ArrayForEach(a, apps)
            {
                regint__path_sub_index(ap, path, "applications", j++);
                if ((st = read_app(file, ap, a, g, ds, g->schemes[g->ns - 1].id)))
                    goto done;
                k++;
            }
        }
    } else {
        if (!cJSON_IsObject(node)) {
            st = regint__json_error(file, "grants", REGINT_EPARSE, "expected an object with \"schemes\" and "
                                    "\"applications\"");
            goto done;
        }
        const cJSON *arr;
        static const char *const top_keys[] = {"schemes", "applications", NULL};
        if ((st = regint__json_only(file, "grants", node, top_keys)) ||
            (st = regint__json_array(file, "grants", node, "schemes", 0, &arr)))
            goto done;
        cJSON_ArrayForEach(it, arr)
        {
            snprintf(path, sizeof path, "grants.schemes[%zu]", i++);
            if (cJSON_GetObjectItemCaseSensitive(it, "applications")) {
                char ap[REGINT__PATH_MAX];
                regint__json_path_key(ap, path, "applications");
                st = regint__json_error(file, ap, REGINT_EPARSE, "unknown member 'applications' (applications "
                                        "are listed in grants.applications, each naming its scheme)");
                goto done;
            }
            if ((st = read_scheme(file, path, it, g)))
                goto done;
        }
        if ((st = regint__json_array(file, "grants", node, "applications", 0, &arr)))
            goto done;
        i = 0;
        cJSON_ArrayForEach(it, arr)
        {
            snprintf(path, sizeof path, "grants.applications[%zu]", i++);
            if ((st = read_app(file, path, it, g, ds, NULL)))
                goto done;
        }
    }
    for (size_t s = 0; !st && s < g->ns; s++)
        st = check_budget(g, &g->schemes[s], NULL, NULL, file);
done:
    return regint__section_parsed(&regint__section_grants, st, g, out);
}

/* ------------------------------------------------------------------------- */
/* JSON writing (canonical: fixed key order, optional fields omitted when unset) */

/* The writers: field lists like collaboration.c's, which `duplicates` pairs with these (kept
 * for the reason given at collaboration.c's validators). */
static cJSON *emit_scheme(const regint_grant_scheme_t *s)
{
    cJSON *o = cJSON_CreateObject(), *call, *arr;
    ADD(o);
    ADD(regint__json_add_string(o, "id", s->id));
    ADD(regint__json_add_string(o, "name", s->name));
    ADD(regint__json_add_number(o, "year", s->year));
    ADD(regint__json_add_number(o, "budget", (double)s->budget));
    ADD(call = cJSON_AddObjectToObject(o, "call"));
    ADD(regint__json_add_opt_string(call, "opens", s->call_opens));
    ADD(regint__json_add_string(call, "deadline", s->deadline));
    if (s->max_per_application != INT64_MAX)
        ADD(regint__json_add_number(o, "max_per_application", (double)s->max_per_application));
    ADD(regint__json_add_number(o, "rounding_unit", (double)s->rounding_unit));
    ADD(regint__json_add_number(o, "score_max", s->score_max));
    ADD(regint__json_add_opt_string(o, "report_due", s->report_due));
    if (s->result_target > 0) /* absent = no target: older files stay canonical */
        ADD(regint__json_add_number(o, "result_target", s->result_target));
    ADD(arr = cJSON_AddArrayToObject(o, "criteria"));
    for (size_t i = 0; i < s->criterion_count; i++) {
        cJSON *c;
        ADD(c = regint__json_append_object(arr));
        ADD(regint__json_add_string(c, "id", s->criteria[i].id));
        ADD(regint__json_add_opt_string(c, "name", s->criteria[i].name));
        ADD(regint__json_add_number(c, "weight", s->criteria[i].weight));
    }
    return o;
fail:
    cJSON_Delete(o);
    regint__enomem();
    return NULL;
}

static cJSON *emit_app(const regint_grant_application_t *a, const regint_grant_scheme_t *s)
{
    cJSON *o = cJSON_CreateObject(), *appl, *arr, *sc;
    ADD(o);
    ADD(regint__json_add_string(o, "id", a->id));
    ADD(regint__json_add_string(o, "scheme", a->scheme_id));
    ADD(regint__json_add_opt_string(o, "received", a->received));
    ADD(appl = cJSON_AddObjectToObject(o, "applicant"));
    ADD(regint__json_add_string(appl, "orgnr", a->applicant_orgnr));
    ADD(regint__json_add_string(appl, "name", a->applicant_name));
    ADD(regint__json_add_string(appl, "kind", regint_applicant_kind_name(a->applicant_kind)));
    ADD(regint__json_add_number(o, "amount_applied", (double)a->amount_applied));
    ADD(regint__json_add_number(o, "planned_participants", (double)a->planned_participants));
    ADD(regint__json_add_opt_string(o, "target_group", a->target_group));
    ADD(regint__json_add_strlist(o, "municipalities", a->municipalities, a->municipality_count));
    if (!a->eligible) {
        ADD(cJSON_AddFalseToObject(o, "eligible"));
        ADD(regint__json_add_opt_string(o, "ineligible_reason", a->ineligible_reason));
    }
    ADD(sc = cJSON_AddObjectToObject(o, "scores"));
    for (size_t i = 0; i < s->criterion_count; i++)
        if (!isnan(a->scores[i]))
            ADD(regint__json_add_number(sc, s->criteria[i].id, a->scores[i]));
    if (a->outcome != REGINT_GRANT_PENDING || a->decision_date || a->decision_reason) {
        cJSON *d;
        ADD(d = cJSON_AddObjectToObject(o, "decision"));
        ADD(regint__json_add_string(d, "outcome", regint_grant_outcome_name(a->outcome)));
        ADD(regint__json_add_number(d, "amount", (double)a->amount_granted));
        ADD(regint__json_add_opt_string(d, "date", a->decision_date));
        ADD(regint__json_add_opt_string(d, "reason", a->decision_reason));
    }
    if (a->payment_count) {
        ADD(arr = cJSON_AddArrayToObject(o, "payments"));
        for (size_t i = 0; i < a->payment_count; i++) {
            cJSON *p;
            ADD(p = regint__json_append_object(arr));
            ADD(regint__json_add_string(p, "date", a->payments[i].date));
            ADD(regint__json_add_number(p, "amount", (double)a->payments[i].amount));
            if (a->payments[i].final) /* absent = a part payment: older files stay canonical */
                ADD(cJSON_AddBoolToObject(p, "final", 1));
        }
    }
    ADD(regint__json_add_opt_string(o, "report_due", a->report_due));
    if (a->reported) {
        cJSON *r;
        ADD(r = cJSON_AddObjectToObject(o, "report"));
        ADD(regint__json_add_string(r, "date", a->report_date));
        ADD(regint__json_add_number(r, "participants_reached", (double)a->participants_reached));
        ADD(regint__json_add_number(r, "funds_used", (double)a->funds_used));
        if (a->has_results) {
            cJSON *res;
            ADD(res = cJSON_AddObjectToObject(r, "results"));
            ADD(regint__json_add_number(res, "work", (double)a->results_work));
            ADD(regint__json_add_number(res, "education", (double)a->results_education));
        }
    }
    if (a->status_report_count) { /* absent when there are none: older files stay canonical */
        ADD(arr = cJSON_AddArrayToObject(o, "status_reports"));
        for (size_t i = 0; i < a->status_report_count; i++) {
            const regint_grant_status_report_t *r = &a->status_reports[i];
            cJSON *p;
            ADD(p = regint__json_append_object(arr));
            ADD(regint__json_add_string(p, "date", r->date));
            ADD(regint__json_add_opt_string(p, "period", r->period));
            ADD(regint__json_add_opt_string(p, "summary", r->summary));
            if (r->participants >= 0)
                ADD(regint__json_add_number(p, "participants", (double)r->participants));
        }
    }
    if (a->amount_reclaimed)
        ADD(regint__json_add_number(o, "amount_reclaimed", (double)a->amount_reclaimed));
    return o;
fail:
    cJSON_Delete(o);
    regint__enomem();
    return NULL;
}

static cJSON *grants_emit(const void *data)
{
    const grants_data *g = data;
    cJSON *o = cJSON_CreateObject(), *s, *a;
    ADD(o);
    ADD(s = cJSON_AddArrayToObject(o, "schemes"));
    ADD(a = cJSON_AddArrayToObject(o, "applications"));
    for (size_t i = 0; i < g->ns; i++) {
        cJSON *x = emit_scheme(&g->schemes[i]);
        if (!x)
            goto fail2;
        cJSON_AddItemToArray(s, x);
    }
    for (size_t i = 0; i < g->na; i++) {
        cJSON *x = emit_app(&g->apps[i], find_scheme(g, g->apps[i].scheme_id));
        if (!x)
            goto fail2;
        cJSON_AddItemToArray(a, x);
    }
    return o;
fail:
    regint__enomem();
fail2:
    cJSON_Delete(o);
    return NULL;
}

const regint__section regint__section_grants = {
    "grants", grants_parse, grants_emit, grants_free,
};

/* ------------------------------------------------------------------------- */
/* Reading API                                                               */

REGINT__SECTION_COUNT_AT(regint_grants_scheme_count, regint_grants_scheme_at, grants_data, regint_grant_scheme_t,
                         schemes, ns)
REGINT__SECTION_COUNT_AT(regint_grants_application_count, regint_grants_application_at, grants_data,
                         regint_grant_application_t, apps, na)
REGINT__SECTION_BY_ID(regint_grants_scheme, regint_grant_scheme_t, find_scheme, "grant scheme")
REGINT__SECTION_BY_ID(regint_grants_application, regint_grant_application_t, find_app, "grant application")

static regint_status app_score(const regint_grant_scheme_t *s, const regint_grant_application_t *a, double *out)
{
    double num = 0, den = 0;
    for (size_t c = 0; c < s->criterion_count; c++) {
        if (isnan(a->scores[c]))
            return regint__error(REGINT_EINVAL, "application '%s': criterion '%s' is not assessed", a->id,
                                 s->criteria[c].id);
        num += s->criteria[c].weight * a->scores[c];
        den += s->criteria[c].weight;
    }
    *out = num / den;
    return REGINT_OK;
}

regint_status regint_grants_application_score(const regint_dataset *ds, const char *id, double *out)
{
    const regint_grant_application_t *a = NULL;
    regint_status st = regint_grants_application(ds, id, &a);
    if (st)
        return st;
    if (!out)
        return regint__error(REGINT_EINVAL, "regint_grants_application_score: NULL out");
    return app_score(find_scheme(section_data(ds), a->scheme_id), a, out);
}

/* ------------------------------------------------------------------------- */
/* Building API                                                              */

static grants_data *section_for_write(regint_dataset *ds)
{
    grants_data *g = section_data(ds);
    if (!g) {
        g = regint__calloc(1, sizeof *g);
        if (!g) {
            regint__enomem();
            return NULL;
        }
        regint__dataset_set_section(ds, &regint__section_grants, g);
    }
    return g;
}

/* The start of a public adder: the arguments are there, and `path` (REGINT__PATH_MAX) names
 * the record the add would make, "<key>[n]", for the validation messages. */
static regint_status adder_start(const regint_dataset *ds, const void *rec, const char *fn, const char *key,
                                 char *path, grants_data **g)
{
    if (!ds || !rec)
        return regint__error(REGINT_EINVAL, "%s: NULL argument", fn);
    *g = section_data(ds);
    size_t n = !*g ? 0 : strcmp(key, "schemes") ? (*g)->na : (*g)->ns;
    snprintf(path, REGINT__PATH_MAX, "%s[%zu]", key, n);
    return REGINT_OK;
}

regint_status regint_grants_add_scheme(regint_dataset *ds, const regint_grant_scheme_t *s)
{
    char path[REGINT__PATH_MAX];
    grants_data *g = NULL;
    regint_status st = adder_start(ds, s, "regint_grants_add_scheme", "schemes", path, &g);
    if (!st)
        st = validate_scheme(g, s, "grants", path);
    if (st)
        return st;
    return (g = section_for_write(ds)) ? append_scheme(g, s) : REGINT_ENOMEM;
}

regint_status regint_grants_add_application(regint_dataset *ds, const regint_grant_application_t *a)
{
    char path[REGINT__PATH_MAX];
    grants_data *g = NULL;
    regint_status st = adder_start(ds, a, "regint_grants_add_application", "applications", path, &g);
    if (!st)
        st = validate_app(g, ds, a, NULL, "grants", path);
    if (!st)
        st = check_budget(g, find_scheme(g, a->scheme_id), NULL, a, "grants");
    return st ? st : append_app(g, a);
}

/* Validate a changed copy `tmp` of stored application `cur`, then swap it in (taking
 * ownership of the freshly copied fields). `tmp` borrows strings: copy it first. */
static regint_status replace_app(regint_dataset *ds, grants_data *g, regint_grant_application_t *cur,
                                 const regint_grant_application_t *tmp)
{
    char path[REGINT__PATH_MAX];
    snprintf(path, sizeof path, "applications[%zu]", (size_t)(cur - g->apps));
    regint_status st = validate_app(g, ds, tmp, cur, "grants", path);
    if (!st)
        st = check_budget(g, find_scheme(g, tmp->scheme_id), cur, tmp, "grants");
    if (st)
        return st;
    regint_grant_application_t fresh;
    if ((st = app_copy(&fresh, tmp, find_scheme(g, tmp->scheme_id)->criterion_count)))
        return st;
    app_clear(cur);
    *cur = fresh;
    return REGINT_OK;
}

static regint_status lookup_for_change(regint_dataset *ds, const char *id, grants_data **g,
                                       regint_grant_application_t **a)
{
    if (!ds || !id)
        return regint__error(REGINT_EINVAL, "grants: NULL argument");
    *g = section_data(ds);
    *a = find_app(*g, id);
    if (!*a)
        return regint__error(REGINT_ENOTFOUND, "no grant application with id '%.64s'", id);
    return REGINT_OK;
}

regint_status regint_grants_decide(regint_dataset *ds, const char *application_id, regint_grant_outcome outcome,
                                   int64_t amount, const char *date, const char *reason)
{
    grants_data *g = NULL;
    regint_grant_application_t *cur;
    regint_status st = lookup_for_change(ds, application_id, &g, &cur);
    if (st)
        return st;
    if (outcome == REGINT_GRANT_PENDING && cur->payment_count)
        return regint__error(REGINT_EINVAL, "application '%s': has payments; its decision cannot be undone",
                             cur->id);
    regint_grant_application_t tmp = *cur;
    tmp.outcome = outcome;
    tmp.amount_granted = amount;
    tmp.decision_date = date;
    tmp.decision_reason = reason;
    return replace_app(ds, g, cur, &tmp);
}

/* Replace `cur` by a copy with `elem` (`size` bytes) appended to one of its arrays, the pointer
 * and count members at `arr_off` and `count_off`: one body for payments and status reports. */
static regint_status replace_appending(regint_dataset *ds, grants_data *g, regint_grant_application_t *cur,
                                       size_t arr_off, size_t count_off, const void *elem, size_t size)
{
    regint_grant_application_t tmp = *cur;
    size_t n;
    const char *old;
    memcpy(&n, (const char *)&tmp + count_off, sizeof n);
    memcpy(&old, (const char *)&tmp + arr_off, sizeof old);
    char *p = regint__calloc(n + 1, size);
    if (!p)
        return regint__enomem();
    if (n)
        memcpy(p, old, n * size);
    memcpy(p + n * size, elem, size);
    n++;
    memcpy((char *)&tmp + arr_off, &p, sizeof p);
    memcpy((char *)&tmp + count_off, &n, sizeof n);
    regint_status st = replace_app(ds, g, cur, &tmp);
    free(p);
    return st;
}

static regint_status add_payment(regint_dataset *ds, const char *application_id, const char *date, int64_t amount,
                                 int final)
{
    grants_data *g = NULL;
    regint_grant_application_t *cur;
    regint_status st = lookup_for_change(ds, application_id, &g, &cur);
    if (st)
        return st;
    if (cur->outcome != REGINT_GRANT_GRANTED)
        return regint__error(REGINT_EINVAL, "application '%s': only a granted application is paid", cur->id);
    if (cur->payment_count && cur->payments[cur->payment_count - 1].final)
        return regint__error(REGINT_EINVAL, "application '%s': the final payment (%s) is made; nothing is paid after it",
                             cur->id, cur->payments[cur->payment_count - 1].date);
    regint_grant_payment_t p = {date, amount, final};
    return replace_appending(ds, g, cur, offsetof(regint_grant_application_t, payments),
                             offsetof(regint_grant_application_t, payment_count), &p, sizeof p);
}

regint_status regint_grants_add_payment(regint_dataset *ds, const char *application_id, const char *date,
                                        int64_t amount)
{
    return add_payment(ds, application_id, date, amount, 0);
}

regint_status regint_grants_add_final_payment(regint_dataset *ds, const char *application_id, const char *date,
                                              int64_t amount)
{
    return add_payment(ds, application_id, date, amount, 1);
}

/* The final report (results = 0) or its results per participant (results = 1), taken from
 * `in`: one body for both changes. */
static regint_status change_report(regint_dataset *ds, const char *application_id,
                                   const regint_grant_application_t *in, int results)
{
    grants_data *g = NULL;
    regint_grant_application_t *cur;
    regint_status st = lookup_for_change(ds, application_id, &g, &cur);
    if (st)
        return st;
    regint_grant_application_t tmp = *cur;
    if (results) {
        tmp.has_results = 1;
        tmp.results_work = in->results_work;
        tmp.results_education = in->results_education;
    } else {
        tmp.reported = 1;
        tmp.report_date = in->report_date;
        tmp.participants_reached = in->participants_reached;
        tmp.funds_used = in->funds_used;
    }
    return replace_app(ds, g, cur, &tmp);
}

regint_status regint_grants_set_report(regint_dataset *ds, const char *application_id, const char *date,
                                       int64_t participants_reached, int64_t funds_used)
{
    regint_grant_application_t in;
    memset(&in, 0, sizeof in);
    in.report_date = date;
    in.participants_reached = participants_reached;
    in.funds_used = funds_used;
    return change_report(ds, application_id, &in, 0);
}

regint_status regint_grants_set_results(regint_dataset *ds, const char *application_id, int64_t in_work,
                                        int64_t in_education)
{
    regint_grant_application_t in;
    memset(&in, 0, sizeof in);
    in.results_work = in_work;
    in.results_education = in_education;
    return change_report(ds, application_id, &in, 1);
}

regint_status regint_grants_add_status_report(regint_dataset *ds, const char *application_id,
                                              const regint_grant_status_report_t *report)
{
    grants_data *g = NULL;
    regint_grant_application_t *cur;
    regint_status st = report ? lookup_for_change(ds, application_id, &g, &cur)
                              : regint__error(REGINT_EINVAL, "regint_grants_add_status_report: NULL argument");
    if (st)
        return st;
    return replace_appending(ds, g, cur, offsetof(regint_grant_application_t, status_reports),
                             offsetof(regint_grant_application_t, status_report_count), report, sizeof *report);
}

regint_status regint_grants_add_reclaimed(regint_dataset *ds, const char *application_id, int64_t amount)
{
    grants_data *g = NULL;
    regint_grant_application_t *cur;
    regint_status st = lookup_for_change(ds, application_id, &g, &cur);
    if (st)
        return st;
    if (amount <= 0)
        return regint__error(REGINT_ERANGE, "application '%s': a reclaimed amount must be positive", cur->id);
    regint_grant_application_t tmp = *cur;
    tmp.amount_reclaimed += amount;
    return replace_app(ds, g, cur, &tmp);
}

regint_status regint_grants_set_score(regint_dataset *ds, const char *application_id, const char *criterion_id,
                                      double score)
{
    grants_data *g = NULL;
    regint_grant_application_t *cur;
    regint_status st = lookup_for_change(ds, application_id, &g, &cur);
    if (st)
        return st;
    if (!criterion_id)
        return regint__error(REGINT_EINVAL, "grants: NULL argument");
    const regint_grant_scheme_t *s = find_scheme(g, cur->scheme_id);
    size_t c = 0;
    while (c < s->criterion_count && strcmp(s->criteria[c].id, criterion_id))
        c++;
    if (c == s->criterion_count)
        return regint__error(REGINT_ENOTFOUND, "application '%s': scheme '%s' has no criterion '%.64s'", cur->id,
                             s->id, criterion_id);
    double *sc = regint__calloc(s->criterion_count, sizeof *sc);
    if (!sc)
        return regint__error(REGINT_ENOMEM, "grants: out of memory");
    for (size_t i = 0; i < s->criterion_count; i++)
        sc[i] = cur->scores ? cur->scores[i] : NAN;
    sc[c] = score;
    regint_grant_application_t tmp = *cur;
    tmp.scores = sc;
    /* replace_app validates the range [0, score_max] and copies the array. */
    st = replace_app(ds, g, cur, &tmp);
    regint__xfree(sc);
    return st;
}

/* ------------------------------------------------------------------------- */
/* Allocation                                                                */

void regint_grants_allocation_result_free(regint_grants_allocation_result *a)
{
    free(a); /* its arrays are in the same block (util/block.h) */
}

regint_status regint_grants_allocate(const regint_dataset *ds, const char *scheme_id,
                                     const regint_grants_allocate_options *opt, regint_grants_allocation_result **out)
{
    static const regint_grants_allocate_options defaults = REGINT_GRANTS_ALLOCATE_OPTIONS_INIT;
    if (!ds || !scheme_id || !out)
        return regint__error(REGINT_EINVAL, "regint_grants_allocate: NULL argument");
    REGINT__OPTIONS_RESOLVE(opt, defaults, REGINT_GRANTS_ALLOCATE_OPTIONS_VERSION, "regint_grants_allocate");
    if (opt->unit < 0)
        return regint__error(REGINT_EINVAL, "regint_grants_allocate: unit must be >= 0 (0 = the scheme's)");
    if ((unsigned)opt->need > REGINT_GRANT_NEED_NONE)
        return regint__error(REGINT_EINVAL, "regint_grants_allocate: unknown need measure");
    grants_data *g = section_data(ds);
    const regint_grant_scheme_t *s = find_scheme(g, scheme_id);
    if (!s)
        return regint__error(REGINT_ENOTFOUND, "no grant scheme with id '%.64s'", scheme_id);

    size_t n = 0;
    for (size_t i = 0; i < g->na; i++)
        n += !strcmp(g->apps[i].scheme_id, s->id);
    /* The result with its nine arrays in one block; the four scratch arrays in another. */
    const size_t ns[9] = {n, n, n, n, n, n, n, n, n};
#define PART(m) REGINT__BLOCK_ARRAY(regint_grants_allocation_result, m)
    static const regint__block_array parts[9] = {PART(application_id), PART(eligible), PART(reason),
                                                 PART(score),          PART(need),     PART(weight),
                                                 PART(cap),            PART(amount),   PART(capped)};
#undef PART
    const size_t ssize[4] = {sizeof(double), sizeof(int64_t), sizeof(int64_t), sizeof(size_t)};
    void *sa[4];
    regint_grants_allocation_result *r = regint__block_new_in(sizeof *r, 9, ns, parts);
    void *scratch = r ? regint__block_new(0, 4, ns, ssize, sa) : NULL;
    if (!scratch) {
        free(r);
        return REGINT_ENOMEM;
    }
    double *w = sa[0];
    int64_t *ub = sa[1], *units = sa[2];
    size_t *idx = sa[3];
    regint_status st = REGINT_OK;
    r->scheme_id = s->id;
    r->budget = s->budget;
    r->unit = opt->unit ? opt->unit : s->rounding_unit;
    r->n = n;
    r->remainder_reason = "";
    int64_t total_units = s->budget / r->unit;

    /* Eligibility, score, need, cap. */
    size_t k = 0, ne = 0;
    for (size_t i = 0; i < g->na; i++) {
        const regint_grant_application_t *a = &g->apps[i];
        if (strcmp(a->scheme_id, s->id))
            continue;
        r->application_id[k] = a->id;
        r->reason[k] = "";
        r->score[k] = NAN;
        double sc = 0;
        int assessed = app_score(s, a, &sc) == REGINT_OK;
        if (assessed)
            r->score[k] = sc;
        r->need[k] = opt->need == REGINT_GRANT_NEED_PARTICIPANTS ? (double)a->planned_participants
                     : opt->need == REGINT_GRANT_NEED_AMOUNT    ? (double)a->amount_applied
                                                                : 1.0;
        int64_t cap = a->amount_applied < s->max_per_application ? a->amount_applied : s->max_per_application;
        cap = cap / r->unit * r->unit;
        if (!a->eligible)
            r->reason[k] = a->ineligible_reason ? a->ineligible_reason : "not formally eligible";
        else if (a->received && strcmp(a->received, s->deadline) > 0)
            r->reason[k] = "received after the deadline";
        else if (!assessed)
            r->reason[k] = "not fully assessed";
        else if (!(sc > 0))
            r->reason[k] = "score 0";
        else if (!(r->need[k] > 0))
            r->reason[k] = "no need (0 planned participants)";
        else if (cap < r->unit)
            r->reason[k] = "the cap is smaller than one rounding unit";
        else {
            r->eligible[k] = 1;
            r->weight[k] = sc * r->need[k];
            r->cap[k] = cap;
            idx[ne++] = k;
        }
        k++;
    }
    int capped_short = 0;
    if (ne > 0) {
        int64_t sum_caps = 0;
        for (size_t j = 0; j < ne; j++) {
            size_t q = idx[j];
            w[j] = r->weight[q];
            ub[j] = r->cap[q] / r->unit;
            sum_caps = sat_add(sum_caps, ub[j]);
        }
        int64_t give = total_units < sum_caps ? total_units : sum_caps;
        regint_apportion_options ao = REGINT_APPORTION_OPTIONS_INIT;
        ao.method = REGINT_APPORTION_HAMILTON;
        ao.upper = ub;
        if ((st = regint_apportion_double(w, ne, give, &ao, units))) {
            regint__error_prefix("regint_grants_allocate");
            goto done;
        }
        for (size_t j = 0; j < ne; j++) {
            size_t q = idx[j];
            r->amount[q] = units[j] * r->unit;
            r->capped[q] = r->amount[q] == r->cap[q];
            r->allocated += r->amount[q];
        }
        capped_short = give < total_units;
    }
    r->remainder = r->budget - r->allocated;
    if (ne == 0)
        r->remainder_reason = "no eligible application";
    else if (capped_short && s->budget % r->unit)
        r->remainder_reason = "every eligible application is capped at the amount applied for or the scheme "
                              "maximum, and the budget is not a multiple of the rounding unit";
    else if (capped_short)
        r->remainder_reason = "every eligible application is capped at the amount applied for or the scheme "
                              "maximum";
    else if (r->remainder)
        r->remainder_reason = "the budget is not a multiple of the rounding unit";
    *out = r;
    r = NULL;
done:
    regint_grants_allocation_result_free(r);
    free(scratch);
    return st;
}

regint_status regint_grants_apply_allocation(regint_dataset *ds, const regint_grants_allocation_result *al,
                                             const char *date)
{
    if (!ds || !al)
        return regint__error(REGINT_EINVAL, "regint_grants_apply_allocation: NULL argument");
    regint_status st = regint__date_check(date, "regint_grants_apply_allocation: date");
    if (st)
        return st;
    grants_data *g = section_data(ds);
    const regint_grant_scheme_t *s = find_scheme(g, al->scheme_id);
    if (!s)
        return regint__error(REGINT_ENOTFOUND, "no grant scheme with id '%.64s'", al->scheme_id);
    /* Check everything first (all-or-nothing), then change. */
    int64_t total = 0;
    for (size_t i = 0; i < al->n; i++) {
        regint_grant_application_t *a = find_app(g, al->application_id[i]);
        if (!a || strcmp(a->scheme_id, s->id))
            return regint__error(REGINT_ENOTFOUND, "allocation row %zu: application '%.64s' is not in scheme '%s'",
                                 i, al->application_id[i], s->id);
        if (a->payment_count || a->reported)
            return regint__error(REGINT_EINVAL, "application '%s' already has %s; its decision stays",
                                 a->id, a->payment_count ? "payments" : "a report");
        int64_t cap = a->amount_applied < s->max_per_application ? a->amount_applied : s->max_per_application;
        if (al->amount[i] < 0 || al->amount[i] > cap)
            return regint__error(REGINT_ERANGE, "allocation row %zu: %lld kr is outside [0, %lld]", i,
                                 (long long)al->amount[i], (long long)cap);
        total = sat_add(total, al->amount[i]);
    }
    for (size_t i = 0; i < g->na; i++)
        if (!strcmp(g->apps[i].scheme_id, s->id) && g->apps[i].outcome == REGINT_GRANT_GRANTED) {
            size_t j = 0;
            while (j < al->n && strcmp(al->application_id[j], g->apps[i].id))
                j++;
            if (j == al->n)
                total = sat_add(total, g->apps[i].amount_granted);
        }
    if (total > s->budget)
        return regint__error(REGINT_EINFEASIBLE, "scheme '%s': grants would total %lld kr, more than the "
                             "budget of %lld kr", s->id, (long long)total, (long long)s->budget);
    char **reasons = regint__calloc(al->n ? al->n : 1, sizeof *reasons);
    char **dates = regint__calloc(al->n ? al->n : 1, sizeof *dates);
    int ok = reasons && dates;
    for (size_t i = 0; ok && i < al->n; i++) {
        char buf[300];
        if (al->amount[i] > 0)
            snprintf(buf, sizeof buf, "allocated by score x need");
        else if (!al->eligible[i])
            snprintf(buf, sizeof buf, "not eligible: %s", al->reason[i]);
        else
            snprintf(buf, sizeof buf, "no share of the budget");
        ok = (reasons[i] = regint__strdup(buf)) && (dates[i] = regint__strdup(date));
    }
    if (ok)
        for (size_t i = 0; i < al->n; i++) {
            regint_grant_application_t *a = find_app(g, al->application_id[i]);
            regint__xfree(a->decision_reason);
            regint__xfree(a->decision_date);
            a->outcome = al->amount[i] > 0 ? REGINT_GRANT_GRANTED : REGINT_GRANT_REFUSED;
            a->amount_granted = al->amount[i];
            a->decision_reason = reasons[i];
            a->decision_date = dates[i];
            reasons[i] = dates[i] = NULL;
        }
    for (size_t i = 0; reasons && dates && i < al->n; i++) {
        free(reasons[i]);
        free(dates[i]);
    }
    free(reasons);
    free(dates);
    return ok ? REGINT_OK : regint__enomem();
}

/* ------------------------------------------------------------------------- */
/* Follow-up                                                                 */

regint_status regint_grants_followup(const regint_dataset *ds, const char *scheme_id, const char *as_of,
                                     regint_grant_followup_t **out, size_t *n)
{
    if (!ds || !out || !n)
        return regint__error(REGINT_EINVAL, "regint_grants_followup: NULL argument");
    regint_status st = regint__date_check(as_of, "as_of");
    if (st)
        return st;
    grants_data *g = section_data(ds);
    if (scheme_id && !find_scheme(g, scheme_id))
        return regint__error(REGINT_ENOTFOUND, "no grant scheme with id '%.64s'", scheme_id);
    size_t na = g ? g->na : 0, k = 0;
    regint_grant_followup_t *f = regint__calloc(na ? na : 1, sizeof *f);
    if (!f)
        return regint__enomem();
    for (size_t i = 0; i < na; i++) {
        const regint_grant_application_t *a = &g->apps[i];
        if (a->outcome != REGINT_GRANT_GRANTED || (scheme_id && strcmp(a->scheme_id, scheme_id)))
            continue;
        const regint_grant_scheme_t *s = find_scheme(g, a->scheme_id);
        regint_grant_followup_t *r = &f[k++];
        r->application_id = a->id;
        r->scheme_id = a->scheme_id;
        r->granted = a->amount_granted;
        r->paid = paid_total(a);
        r->reported = a->reported;
        r->used = a->reported ? a->funds_used : 0;
        r->reclaim_due = a->reported ? r->paid - r->used - a->amount_reclaimed : 0;
        r->report_due = a->report_due ? a->report_due : s->report_due;
        if (!a->reported && r->report_due && strcmp(r->report_due, as_of) < 0) {
            r->overdue = 1;
            r->days_overdue = regint__date_days_of(as_of) - regint__date_days_of(r->report_due);
        }
        r->has_results = a->has_results;
        r->status_reports = a->status_report_count;
        r->in_work_or_education = a->has_results ? a->results_work + a->results_education : 0;
        r->result_share = a->has_results && a->participants_reached > 0
                              ? (double)r->in_work_or_education / (double)a->participants_reached
                              : NAN;
        r->result_target = s->result_target;
        r->target_met = s->result_target > 0 && !isnan(r->result_share) ? r->result_share >= s->result_target : -1;
    }
    *out = f;
    *n = k;
    return REGINT_OK;
}

static int cmp_overdue(const void *x, const void *y)
{
    const regint_grant_followup_t *a = x, *b = y;
    int c = strcmp(a->report_due, b->report_due);
    return c ? c : strcmp(a->application_id, b->application_id);
}

regint_status regint_grants_overdue_reports(const regint_dataset *ds, const char *as_of, const char ***ids,
                                            size_t *n)
{
    if (!ids || !n)
        return regint__error(REGINT_EINVAL, "regint_grants_overdue_reports: NULL argument");
    regint_grant_followup_t *f;
    size_t nf;
    regint_status st = regint_grants_followup(ds, NULL, as_of, &f, &nf);
    if (st)
        return st;
    size_t k = 0;
    for (size_t i = 0; i < nf; i++)
        if (f[i].overdue)
            f[k++] = f[i];
    qsort(f, k, sizeof *f, cmp_overdue);
    const char **r = regint__calloc(k ? k : 1, sizeof *r);
    if (!r) {
        free(f);
        return regint__enomem();
    }
    for (size_t i = 0; i < k; i++)
        r[i] = f[i].application_id;
    free(f);
    *ids = r;
    *n = k;
    return REGINT_OK;
}
