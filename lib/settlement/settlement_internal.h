/* Private: the settlement module's shared structures (profile, per-year context). */
#ifndef REGINT_SETTLEMENT_INTERNAL_H
#define REGINT_SETTLEMENT_INTERNAL_H

#include <stdint.h>

#include "regint/dataset.h"
#include "regint/settlement.h"
#include "util/jsonutil.h"

#define REGINT__SPATH 256

/* Built-in criteria computed from the dataset's settlement history and population;
 * anything else is an indicator of the dataset's catalogue. */
typedef enum regint__crit_kind {
    REGINT__CRIT_POPULATION = 0,
    REGINT__CRIT_REQUESTS = 1,
    REGINT__CRIT_DECISIONS = 2,
    REGINT__CRIT_SETTLED = 3,
    REGINT__CRIT_DELIVERY_RATE = 4,
    REGINT__CRIT_INDICATOR = 5
} regint__crit_kind;

typedef enum regint__crit_use { REGINT__USE_SIZE = 0, REGINT__USE_RATE = 1 } regint__crit_use;

typedef struct regint__criterion {
    char *id;
    regint__crit_kind kind;
    char *indicator;       /* INDICATOR: catalogue id */
    char *per;             /* INDICATOR: optional denominator indicator (ratio), or NULL */
    char *category;        /* observation category ("" default) */
    double weight;
    regint_direction direction; /* NEUTRAL = take from the catalogue */
    regint__crit_use use;
    int years;             /* history window / maximum age of an observation */
    int optional;          /* INDICATOR: absent from the catalogue = skipped with a note */
    int indicator_is_id;   /* INDICATOR: no "indicator" member, the id names it */
    double clamp_lo, clamp_hi; /* rate factor limits */
    char path[REGINT__SPATH];  /* "criteria[i]" for messages */
} regint__criterion;

typedef struct regint__bound {
    char *kommunenr;
    int64_t lower;         /* -1 = not given */
    int64_t upper;         /* -1 = not given */
    char *note;            /* the profile's "note" ("" if none): carried to every output */
    char path[REGINT__SPATH];
} regint__bound;

/* A local decision or statement from the capacity dialogue (profile "local", local.c). */
typedef enum regint__local_kind {
    REGINT__LOCAL_DECISION = 0,  /* the council's decision for the year: upper bound */
    REGINT__LOCAL_CAPACITY = 1,  /* capacity stated in the dialogue: upper bound */
    REGINT__LOCAL_EXEMPTION = 2, /* exempted (value, default 0): upper bound, no minimum */
    REGINT__LOCAL_AGREEMENT = 3  /* agreed to take at least value: lower bound */
} regint__local_kind;

typedef struct regint__local {
    char *kommunenr;
    int year;
    regint__local_kind kind;
    int64_t value;
    char *note;
    char *source;
    char path[REGINT__SPATH]; /* "local[i]" for messages */
} regint__local;

struct regint_settlement_profile {
    char *file;            /* name used in messages */
    char *name;
    char *description;
    regint__criterion *crit;
    size_t ncrit;
    int64_t minimum;
    char **exempt;
    size_t nexempt;
    int drop_lowest;       /* when minimums exceed the total */
    int upper_history;     /* derive soft upper bounds from past decisions */
    double upper_factor;
    int64_t upper_add;
    int upper_years;
    regint__bound *bounds;
    size_t nbounds;
    char **exclude;
    size_t nexclude;
    int64_t exclude_pop_below; /* 0 = no rule */
    int keep_if_settled_within;/* years; 0 = keep none */
    int method;            /* regint_apportion_method */
    int minors_years;
    regint__local *local;  /* local decisions and capacity (local.c) */
    int data_decisions;    /* "decisions_in_data": "bound": the year's decisions in the data are upper bounds */
    int fitted;            /* "weights": "fitted": the six criteria of the fitted engine, weights fitted
                              per county and year (fitted.c); crit[] holds their ids */
    size_t nlocal;
};

/* fitted.c: the fitted engine for one county-year (docs/settlement.md, "Out-of-sample engine"):
 * the criteria of the county's municipalities in the year's own structure and the weights fitted
 * on the county-years before the year (the same fit as the rolling back-test of that year). */
typedef struct regint__fitted {
    size_t n;              /* municipalities of the county in the year's own structure */
    void *block;           /* one allocation holding codes, share and raw (util/block.h) */
    char (*codes)[8];      /* their codes, sorted */
    double *share;         /* n * REGINT_SETTLEMENT_FITTED_CRITERION_COUNT: shares of the county */
    double *raw;           /* idem, raw values (persons) */
    double weights[REGINT_SETTLEMENT_FITTED_CRITERION_COUNT]; /* sum 1 */
    int fit_from, fit_to;  /* years of the county-years fitted on; 0 if none */
    size_t fit_n;          /* number of county-years fitted on */
    int64_t actual_total;  /* IMDi's requests to the county for the year (suppressed 2); 0 if none */
} regint__fitted;
/* Fit for `year` on county-years up to min(train_to, year - 1). The regime variable uses IMDi's
 * requests of the year when the data hold them, else `total`. */
regint_status regint__fitted_county(const regint_dataset *ds, const char *fylkesnr, int year, int train_to,
                                    int64_t total, regint__fitted *out);
void regint__fitted_free(regint__fitted *f);
/* The fit regint__fitted_county() builds for `ds`, serialised for its snapshot (tools/
 * make_snapshot.c, regint__snapshot_write): for every year up to the one after the last with
 * requests, the county-years and their fitted weights (*memo, *len), and the grid losses of the
 * training county-years that a county-year without IMDi's total needs (*tail, *tail_len; read
 * only when asked for). fitted.c, "the fit, memoised". A dataset loaded from that snapshot
 * then recommends without fitting until a table changes. free() both; NULL with length 0 when
 * the data hold no year to fit for. */
regint_status regint__fitted_memo(const regint_dataset *ds, char **memo, size_t *len, char **tail, size_t *tail_len);

/* Value of suppressed cells ("usually under 5") used in scores. */
#define REGINT__SUPPRESSED_ESTIMATE 2.0

/* One accumulated settlement figure for a municipality valid in the context year. */
typedef struct regint__acc {
    double sum;            /* present values (plus suppressed estimate) */
    int present;           /* number of present parts */
    int suppressed;        /* number of suppressed parts */
    int rows;              /* number of rows seen */
    regint_missing missing;/* reason of the first missing part */
} regint__acc;

/* Measures kept in the context. */
enum { REGINT__M_REQUEST = 0, REGINT__M_DECISION = 1, REGINT__M_SETTLED = 2,
       REGINT__M_EMA = 3, REGINT__M_COUNT = 4 };

/* Everything about one year's municipalities that does not depend on the county. */
typedef struct regint__ctx {
    const regint_dataset *ds;
    int year;
    int hist_to;           /* last history year */
    int first;             /* first year held: hist_to - window + 1 */
    int nyears;            /* years held: first .. hist_to, then `year` */
    const regint_municipality_t **mun; /* valid in year, sorted */
    size_t n;
    double *pop;           /* NAN if unknown */
    regint__acc *acc;      /* n * (nyears + 1) * REGINT__M_COUNT */
    size_t unmapped;       /* rows whose code could not be mapped */
} regint__ctx;

regint_status regint__ctx_build(const regint_dataset *ds, int year, int hist_to, int window,
                                regint__ctx *ctx);
void regint__ctx_free(regint__ctx *ctx);
/* The accumulator of municipality i, year y (first..hist_to or year), measure m; NULL if the
 * year is not held. */
const regint__acc *regint__ctx_acc(const regint__ctx *ctx, size_t i, int y, int m);

/* What a recommendation is asked for: the county and year (parameters of the public call)
 * with the options, in one struct so that the back-test can drive the engine directly. */
typedef struct regint__recommend_args {
    const char *fylkesnr;   /* county valid in `year`; NULL or "00" = the whole country */
    int year;               /* the year to settle in */
    int64_t total;          /* persons to settle */
    int64_t minors;         /* of which unaccompanied minors */
    const regint_settlement_profile *profile; /* NULL = the default profile */
    int history_to;         /* last year of data used; 0 = year - 1 */
} regint__recommend_args;

/* Recommend for a county using a built context. */
regint_status regint__recommend_ctx(const regint__ctx *ctx, const regint__recommend_args *opt,
                                    const regint_settlement_profile *prof,
                                    regint_settlement_recommendation **out);

/* The scenario sweep (sweep.c, issue 15): the county scored once, re-apportioned per variant.
 * Rows in the order of the recommendation's rows. A variant is `total` with each criterion's
 * weight multiplied by mult[c] (NULL: the profile's weights); it gives the numbers of a full
 * regint_settlement_recommend() with those weights and no unaccompanied minors. `score` (may
 * be NULL) receives the variant's scores. `total` is the base run's: a fitted profile's weights
 * depend on it when the data have no requests for the year (a variant's weights do not move with
 * its total). The profile is borrowed; the caller has checked it
 * with a full recommendation first (its codes and local entries). */
typedef struct regint__sweep regint__sweep;
regint_status regint__sweep_new(const regint_dataset *ds, const char *fylkesnr, int year, int64_t total,
                                const regint_settlement_profile *p, regint__sweep **out);
size_t regint__sweep_count(const regint__sweep *s);
regint_status regint__sweep_run(regint__sweep *s, int64_t total, const double *mult, int64_t *seats, double *score);
void regint__sweep_free(regint__sweep *s);

/* Free n strings and the array holding them (NULL allowed). */
void regint__settlement_free_strv(char **v, size_t n);

/* The largest history window a profile needs. */
int regint__profile_window(const regint_settlement_profile *p);

/* Value of an accumulator for scoring: 1 if usable (*v set), 0 if missing.
 * Requests and decisions marked "no decision"/"not applicable" count as 0 (not asked). */
int regint__acc_value(const regint__acc *a, int measure, double *v);

/* Hamilton (largest remainder) apportionment of `total` by double weights without bounds,
 * using regint_apportion. */
regint_status regint__hamilton(const double *w, size_t n, int64_t total, int64_t *seats);

/* Median of the values that are not NAN (NAN if none); tmp has room for n (recommend.c). */
double regint__median(const double *v, size_t n, double *tmp);

/* The result of regint_settlement_recommend (filled by recommend.c, read by result.c). */
struct regint_settlement_recommendation {
    int year;
    int history_to;
    char fylkesnr[8];
    char *county_name;
    char *profile_name;
    int64_t total;
    int64_t minors;
    size_t n;
    regint_settlement_recommendation_row_t *rows;
    char **names;          /* copies of kommunenr/name/fylkesnr, 3 per row */
    char **reasons;         /* REGINT_LANG_COUNT * n: reasons[lang * n + k] */
    size_t ncrit;
    char **crit_ids;
    double *crit_w;
    double *contrib;       /* n * ncrit */
    double *values;        /* n * ncrit */
    char *note;
    int fitted;            /* 1: weights fitted ("weights": "fitted") */
    int fit_from, fit_to;  /* years of the county-years fitted on; 0 if none */
    size_t fit_n;          /* county-years fitted on */
    int fit_on_total;      /* 1: no IMDi requests for the county-year, the fit's regime is the total asked */
    int method;            /* regint_apportion_method of the profile (the plan figure) */
    int64_t plan_total;    /* total of the plan figure for year + 1 */
    int64_t *plan;         /* n: plan figure for year + 1 */
    char **row_notes;      /* n: local notes ("" if none) */
    char **flags;          /* n: departures from own decisions/capacity ("" if none) */
    char **caveats;        /* ncaveats: about the data (local.c) */
    size_t ncaveats;
};

/* local.c: the profile's "local" member (root is the profile object). */
regint_status regint__local_parse(const char *file, const cJSON *root, regint_settlement_profile *p);
void regint__local_free(regint_settlement_profile *p);
/* local.c: the local entries against the dataset (unknown municipality or year; contradicting
 * bounds), for a recommendation of ctx->year. */
regint_status regint__local_check(const regint__ctx *ctx, const regint_settlement_profile *p);
/* local.c: apply the local entries of ctx->year for municipality `code` to its bounds. */
regint_status regint__local_bounds(const regint__ctx *ctx, const regint_settlement_profile *p, size_t i,
                                   int64_t *lo, int64_t *up, int *hard_lo, int *hard_up, int *soft_up);
/* local.c: notes, flags, the plan figure and the caveats of a filled result. */
regint_status regint__local_annotate(const regint__ctx *ctx, const regint_settlement_profile *p,
                                     regint_settlement_recommendation *r);
/* local.c: free what regint__local_annotate added. */
void regint__local_result_free(regint_settlement_recommendation *r);

/* Why a row is flagged: its number departs from the municipality's own decision or stated
 * capacity. One list for the row's English `flag` and the letter's translated section 6. */
typedef enum regint__flag_kind {
    REGINT__FLAG_DECISION = 0,  /* differs from the council's decision for the year (profile "local") */
    REGINT__FLAG_CAPACITY = 1,  /* above the capacity stated for the year */
    REGINT__FLAG_AGREEMENT = 2, /* below the agreement for the year */
    REGINT__FLAG_DATA_DECISION = 3, /* above the council's decision for the year in the data */
    REGINT__FLAG_DECIDED_ZERO = 4   /* asked, although the council decided 0 the year before */
} regint__flag_kind;
typedef struct regint__row_flag {
    regint__flag_kind kind;
    int year;                    /* the year of the decision, capacity or agreement */
    int64_t figure;              /* its number */
    const regint__local *entry;  /* the profile's entry (note, source), NULL when from the data */
} regint__row_flag;
#define REGINT__ROW_FLAGS_MAX 5
/* local.c: the flags of row `row` of a recommendation for `year`, in the order above; returns
 * how many were written to `out`. */
size_t regint__row_flags(const regint_settlement_profile *p, const regint_settlement_recommendation_row_t *row,
                         int year, regint__row_flag out[REGINT__ROW_FLAGS_MAX]);

#endif
