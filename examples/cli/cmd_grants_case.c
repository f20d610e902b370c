/* regint grants add-application|score|decide|pay|repay|receive-report|list|remind — grant case work
 * on a county file. Each changing subcommand loads --data FILE, makes one change through the
 * library (which validates it and leaves the dataset unchanged on failure) and saves FILE
 * atomically only when the change succeeded: all or nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct case_args {
    const char *data, *id, *scheme, *received, *orgnr, *name, *target, *municipalities, *date, *reason,
        *status, *due_before, *as_of, *criterion, *summary, *period;
    int kind, outcome, fmt, final;
    int64_t amount, participants, used, days, in_work, in_education;
    double score;
} case_args;

static const case_args defaults = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                                   NULL, NULL, NULL, 0, -1, CLI_TABLE, 0, -1, -1, -1, 60, -1, -1, -1.0};

/* The county file is required: case work changes it in place. */
#define CASE_DATA CLI_STRING("data", "FILE", case_args, data, CLI_REQUIRED, "the county file (changed in place, atomically)")
#define CASE_ID CLI_STRING("id", "ID", case_args, id, CLI_REQUIRED, "application id (never a fødselsnummer)")
#define CASE_DATE(help) CLI_STRING("date", "DATE", case_args, date, CLI_REQUIRED, help)
/* Every changing subcommand names the county file and the application. */
#define CASE_CHANGE(summary) CLI_SUMMARY(summary), CASE_DATA, CASE_ID
/* The two listings read the county file, optionally for one scheme. */
#define CASE_QUERY(summary)                                                                    \
    CLI_SUMMARY(summary), CLI_STRING("data", "FILE", case_args, data, CLI_REQUIRED, "the county file"), \
        CLI_STRING("scheme", "ID", case_args, scheme, 0, "one scheme only")

static const cli_opt add_opts[] = {
    CASE_CHANGE("register an application to a scheme"),
    CLI_STRING("scheme", "ID", case_args, scheme, CLI_REQUIRED, "the scheme applied to"),
    CLI_STRING("orgnr", "NR", case_args, orgnr, CLI_REQUIRED, "applicant's organisation number (mod 11)"),
    CLI_STRING("name", "TEXT", case_args, name, CLI_REQUIRED, "applicant's name"),
    CLI_CHOICE("kind", "municipality|county|employer|voluntary_organisation", case_args, kind,
               "kind of applicant (default municipality)"),
    CLI_INT("amount", "KR", case_args, amount, 1, INT64_MAX, CLI_REQUIRED, "kroner applied for"),
    CLI_INT("participants", "N", case_args, participants, 0, INT64_MAX, 0, "planned participants (default 0)"),
    CLI_STRING("municipalities", "NR,NR", case_args, municipalities, CLI_REQUIRED, "kommunenr covered, comma-separated"),
    CLI_STRING("received", "DATE", case_args, received, 0, "date received"),
    CLI_STRING("target-group", "TEXT", case_args, target, 0, "target group"),
    CLI_END,
};

static const cli_opt score_opts[] = {
    CASE_CHANGE("record the assessed score of one criterion"),
    CLI_ABOUT("In [0, the scheme's score_max]; the other criteria keep their scores.\n"),
    CLI_STRING("criterion", "ID", case_args, criterion, CLI_REQUIRED, "a criterion of the application's scheme"),
    CLI_NUMBER("score", "X", case_args, score, 0, 1e9, "the score (required)"),
    CLI_END,
};

static const cli_opt decide_opts[] = {
    CASE_CHANGE("record a decision: granted (amount), refused (reason) or back to pending"),
    CLI_CHOICE("outcome", "pending|granted|refused", case_args, outcome, "the decision (required)"),
    CLI_INT("amount", "KR", case_args, amount, 0, INT64_MAX, 0, "kroner granted (<= applied and scheme maximum)"),
    CASE_DATE("date of the decision"),
    CLI_STRING("reason", "TEXT", case_args, reason, 0, "reason (required for a refusal)"),
    CLI_END,
};

static const cli_opt pay_opts[] = {
    CASE_CHANGE("record a part payment, or with --final the final payment, of granted money"),
    CLI_ABOUT("Only after a grant; the total paid may not exceed the amount granted. One final\n"
              "payment per application, dated on or after the others; nothing is paid after it.\n"),
    CLI_INT("amount", "KR", case_args, amount, 1, INT64_MAX, CLI_REQUIRED, "kroner paid"),
    CASE_DATE("payment date"),
    CLI_FLAG("final", case_args, final, 1, "the final payment (sluttutbetaling)"),
    CLI_END,
};

static const cli_opt repay_opts[] = {
    CASE_CHANGE("record money paid back to the county"),
    CLI_ABOUT("The total paid back may not exceed paid - used (a report must be in).\n"),
    CLI_INT("amount", "KR", case_args, amount, 1, INT64_MAX, CLI_REQUIRED, "kroner paid back"),
    CLI_END,
};

static const cli_opt receive_opts[] = {
    CASE_CHANGE("record a status report during the project, or the final report with results per participant"),
    CLI_ABOUT("--kind final (default): --participants and --used are required; funds used may not\n"
              "exceed the total paid. --in-work and --in-education (both or neither) count the\n"
              "participants in work or in education after the project, each once; `grants report`\n"
              "compares their share with the scheme's result target.\n"
              "--kind status: a status report (kept apart from the final report), with an optional\n"
              "--summary, --period and --participants so far; none dated after the final report.\n"),
    CLI_CHOICE("kind", "final|status", case_args, kind, "final report (default) or status report"),
    CASE_DATE("date the report was received"),
    CLI_INT("participants", "N", case_args, participants, 0, INT64_MAX, 0,
            "participants reached (so far, for a status report)"),
    CLI_INT("used", "KR", case_args, used, 0, INT64_MAX, 0, "kroner used (final report; required there)"),
    CLI_STRING("summary", "TEXT", case_args, summary, 0, "status report: text summary (no fødselsnummer)"),
    CLI_STRING("period", "TEXT", case_args, period, 0, "status report: period covered"),
    CLI_INT("in-work", "N", case_args, in_work, 0, INT64_MAX, 0, "participants in work after the project"),
    CLI_INT("in-education", "N", case_args, in_education, 0, INT64_MAX, 0,
            "participants in education after the project"),
    CLI_END,
};

static const cli_opt list_opts[] = {
    CASE_QUERY("list applications with their decision, payments and report"),
    CLI_STRING("status", "pending|granted|refused", case_args, status, 0, "one decision state only"),
    CLI_STRING("due-before", "DATE", case_args, due_before, 0, "only those whose report is due before DATE"),
    CLI_OPT_FORMAT(case_args),
    CLI_END,
};

static const cli_opt remind_opts[] = {
    CASE_QUERY("granted applications whose report is due within N days (for mail merge)"),
    CLI_ABOUT("Not yet reported, due on or after the date and at most N days later.\n"),
    CLI_INT("days", "N", case_args, days, 0, 36600, 0, "days ahead (default 60)"),
    CLI_STRING("as-of", "DATE", case_args, as_of, 0, "the date (default today)"),
    CLI_OPT_FORMAT(case_args),
    CLI_END,
};

const cli_command cli_grants_add = CLI_COMMAND("grants add-application", add_opts, cli_run_grants_case);
const cli_command cli_grants_score = CLI_COMMAND("grants score", score_opts, cli_run_grants_case);
const cli_command cli_grants_decide = CLI_COMMAND("grants decide", decide_opts, cli_run_grants_case);
const cli_command cli_grants_pay = CLI_COMMAND("grants pay", pay_opts, cli_run_grants_case);
const cli_command cli_grants_repay = CLI_COMMAND("grants repay", repay_opts, cli_run_grants_case);
const cli_command cli_grants_receive = CLI_COMMAND("grants receive-report", receive_opts, cli_run_grants_case);
const cli_command cli_grants_list = CLI_COMMAND("grants list", list_opts, cli_run_grants_case);
const cli_command cli_grants_remind = CLI_COMMAND("grants remind", remind_opts, cli_run_grants_case);

/* Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* A "YYYY-MM-DD" as a day number; 0 and a message naming the option if malformed. */
static int day_of(const char *cmd, const char *opt, const char *s, long *out)
{
    int y, m, d;
    char tail;
    if (!s || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || strlen(s) != 10 || m < 1 || m > 12 || d < 1 ||
        d > 31) {
        fprintf(stderr, "regint %s: %s: '%s' is not a date YYYY-MM-DD\n", cmd, opt, s ? s : "");
        return 0;
    }
    *out = days_from_civil(y, m, d);
    return 1;
}

static int64_t paid_of(const regint_grant_application_t *a)
{
    int64_t p = 0;
    for (size_t i = 0; i < a->payment_count; i++)
        p += a->payments[i].amount;
    return p;
}

/* The report due date that applies: the application's own, else its scheme's. */
static const char *due_of(const regint_dataset *ds, const regint_grant_application_t *a)
{
    const regint_grant_scheme_t *s;
    if (a->report_due)
        return a->report_due;
    return regint_grants_scheme(ds, a->scheme_id, &s) == REGINT_OK ? s->report_due : NULL;
}

static int add_application(regint_dataset *ds, const case_args *x)
{
    static const regint_applicant_kind kinds[] = {REGINT_APPLICANT_MUNICIPALITY, REGINT_APPLICANT_COUNTY,
                                                  REGINT_APPLICANT_EMPLOYER, REGINT_APPLICANT_VOLUNTARY_ORGANISATION};
    char *list = strdup(x->municipalities);
    const char *munis[64];
    size_t nm = 0;
    if (!list)
        return -1;
    for (char *save = NULL, *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        if (nm == sizeof munis / sizeof munis[0]) {
            fprintf(stderr, "regint grants add-application: --municipalities: more than 64\n");
            free(list);
            return CLI_USAGE;
        }
        munis[nm++] = t;
    }
    regint_grant_application_t a;
    memset(&a, 0, sizeof a);
    a.id = x->id;
    a.scheme_id = x->scheme;
    a.received = x->received;
    a.applicant_orgnr = x->orgnr;
    a.applicant_name = x->name;
    a.applicant_kind = kinds[x->kind];
    a.amount_applied = x->amount;
    a.planned_participants = x->participants < 0 ? 0 : x->participants;
    a.target_group = x->target;
    a.municipality_count = nm;
    a.municipalities = munis;
    a.eligible = 1;
    a.scores = NULL; /* not assessed yet */
    a.outcome = REGINT_GRANT_PENDING;
    regint_status st = regint_grants_add_application(ds, &a);
    free(list);
    return st == REGINT_OK ? CLI_OK : cli_fail("grants add-application", x->data);
}

/* The start of a row of list and remind: id, scheme, orgnr and applicant as CSV cells, or
 * (after the separator) as the first members of a JSON object. */
static void put_application(const regint_grant_application_t *a, int fmt, int first)
{
    if (fmt == CLI_CSV) {
        cli_csv_field(stdout, a->id, CLI_QUOTE_IF_NEEDED);
        putchar(',');
        cli_csv_field(stdout, a->scheme_id, CLI_QUOTE_IF_NEEDED);
        printf(",%s,", a->applicant_orgnr);
        cli_csv_field(stdout, a->applicant_name, CLI_QUOTE_IF_NEEDED);
    } else {
        printf("%s\n  {\"id\": ", first ? "" : ",");
        cli_json_string(stdout, a->id);
        cli_json_member(stdout, ", \"scheme\": ", a->scheme_id);
        cli_json_member(stdout, ", \"orgnr\": ", a->applicant_orgnr);
        cli_json_member(stdout, ", \"applicant\": ", a->applicant_name);
    }
}

/* The start of list and remind: --scheme (when given) must name a scheme; then the CSV header
 * or the JSON array's "[" (the table prints its own header). */
static int begin_rows(const regint_dataset *ds, const case_args *x, const char *cmd, const char *csv_header)
{
    const regint_grant_scheme_t *s;
    if (x->scheme && regint_grants_scheme(ds, x->scheme, &s))
        return cli_fail(cmd, "--scheme");
    if (x->fmt == CLI_CSV)
        printf("%s", csv_header);
    else if (x->fmt == CLI_JSON)
        printf("[");
    return CLI_OK;
}

static int list(const regint_dataset *ds, const case_args *x)
{
    regint_grant_outcome want = REGINT_GRANT_PENDING;
    long before = 0;
    if (x->status && regint_grant_outcome_from_name(x->status, &want))
        return cli_fail("grants list", "--status");
    if (x->due_before && !day_of("grants list", "--due-before", x->due_before, &before))
        return CLI_BAD_INPUT;
    int rc = begin_rows(ds, x, "grants list",
                        "application,scheme,orgnr,applicant,applied,status,granted,paid,report_due,reported,used,reclaimed,"
                        "status_reports\n");
    if (rc)
        return rc;
    if (x->fmt == CLI_TABLE)
        printf("%-12s %-22s %-9s %11s %-8s %11s %11s %-10s %6s %s\n", "application", "scheme", "orgnr", "applied",
               "status", "granted", "paid", "report due", "st.rep", "report");
    int first = 1;
    for (size_t i = 0; i < regint_grants_application_count(ds); i++) {
        const regint_grant_application_t *a = regint_grants_application_at(ds, i);
        const char *due = due_of(ds, a);
        long d;
        if (x->scheme && strcmp(a->scheme_id, x->scheme))
            continue;
        if (x->status && a->outcome != want)
            continue;
        if (x->due_before && !(due && day_of("grants list", "report_due", due, &d) && d < before))
            continue;
        const char *st = regint_grant_outcome_name(a->outcome);
        int64_t paid = paid_of(a);
        if (x->fmt == CLI_CSV) {
            put_application(a, CLI_CSV, first);
            printf(",%lld,%s,%lld,%lld,%s,%d,%lld,%lld,%zu\n", (long long)a->amount_applied, st,
                   (long long)a->amount_granted, (long long)paid, due ? due : "", a->reported,
                   (long long)(a->reported ? a->funds_used : 0), (long long)a->amount_reclaimed,
                   a->status_report_count);
        } else if (x->fmt == CLI_JSON) {
            put_application(a, CLI_JSON, first);
            printf(", \"applied\": %lld, \"status\": \"%s\", \"granted\": %lld, \"paid\": %lld, \"report_due\": ",
                   (long long)a->amount_applied, st, (long long)a->amount_granted, (long long)paid);
            cli_json_string(stdout, due);
            printf(", \"reported\": %s, \"used\": %lld, \"reclaimed\": %lld, \"status_reports\": %zu}",
                   a->reported ? "true" : "false", (long long)(a->reported ? a->funds_used : 0),
                   (long long)a->amount_reclaimed, a->status_report_count);
        } else {
            char rep[32] = "-";
            if (a->reported)
                snprintf(rep, sizeof rep, "used %lld", (long long)a->funds_used);
            printf("%-12s %-22s %-9s %11lld %-8s %11lld %11lld %-10s %6zu %s\n", a->id, a->scheme_id,
                   a->applicant_orgnr, (long long)a->amount_applied, st, (long long)a->amount_granted,
                   (long long)paid, due ? due : "-", a->status_report_count, rep);
        }
        first = 0;
    }
    if (x->fmt == CLI_JSON)
        printf("\n]\n");
    return CLI_OK;
}

static int remind(const regint_dataset *ds, const case_args *x)
{
    char buf[11];
    const char *as_of = x->as_of ? x->as_of : cli_today(buf);
    long today, d;
    if (!day_of("grants remind", "--as-of", as_of, &today))
        return CLI_BAD_INPUT;
    int rc = begin_rows(ds, x, "grants remind", "application,scheme,orgnr,applicant,report_due,days_left\n");
    if (rc)
        return rc;
    if (x->fmt == CLI_TABLE)
        printf("Reports due %s .. +%lld days\n  %-12s %-22s %-9s %-10s %5s  %s\n", as_of, (long long)x->days,
               "application", "scheme", "orgnr", "report due", "days", "applicant");
    int first = 1;
    for (size_t i = 0; i < regint_grants_application_count(ds); i++) {
        const regint_grant_application_t *a = regint_grants_application_at(ds, i);
        const char *due = due_of(ds, a);
        if (a->outcome != REGINT_GRANT_GRANTED || a->reported || !due)
            continue;
        if (x->scheme && strcmp(a->scheme_id, x->scheme))
            continue;
        if (!day_of("grants remind", "report_due", due, &d) || d < today || d - today > x->days)
            continue;
        if (x->fmt == CLI_CSV) {
            put_application(a, CLI_CSV, first);
            printf(",%s,%ld\n", due, d - today);
        } else if (x->fmt == CLI_JSON) {
            put_application(a, CLI_JSON, first);
            printf(", \"report_due\": \"%s\", \"days_left\": %ld}", due, d - today);
        } else {
            printf("  %-12s %-22s %-9s %-10s %5ld  %s\n", a->id, a->scheme_id, a->applicant_orgnr, due, d - today,
                   a->applicant_name);
        }
        first = 0;
    }
    if (x->fmt == CLI_JSON)
        printf("\n]\n");
    return CLI_OK;
}

int cli_run_grants_case(const cli_command *cmd, const void *parsed)
{
    const case_args *x = parsed;
    const char *sub = strchr(cmd->name, ' ') + 1;
    static const regint_grant_outcome outcomes[] = {REGINT_GRANT_PENDING, REGINT_GRANT_GRANTED,
                                                    REGINT_GRANT_REFUSED};
    if (!strcmp(sub, "decide") && x->outcome < 0)
        return cli_usage_error(cmd, "--outcome is required");
    if (!strcmp(sub, "score") && x->score < 0)
        return cli_usage_error(cmd, "--score is required");
    if ((x->in_work < 0) != (x->in_education < 0))
        return cli_usage_error(cmd, "--in-work and --in-education go together");
    int status_report = !strcmp(sub, "receive-report") && x->kind == 1;
    if (!strcmp(sub, "receive-report") && !status_report && (x->participants < 0 || x->used < 0))
        return cli_usage_error(cmd, "the final report needs --participants and --used");
    if (status_report && (x->used >= 0 || x->in_work >= 0))
        return cli_usage_error(cmd, "--used, --in-work and --in-education belong to the final report");
    if (!status_report && (x->summary || x->period))
        return cli_usage_error(cmd, "--summary and --period belong to a status report (--kind status)");
    regint_dataset *ds;
    int rc = cli_load_dataset(cmd->name, x->data, &ds);
    if (rc != CLI_OK)
        return rc;
    int changes = 1;
    regint_status st = REGINT_OK;
    if (!strcmp(sub, "add-application")) {
        rc = add_application(ds, x);
        if (rc < 0)
            rc = cli_fail(cmd->name, x->data);
    } else if (!strcmp(sub, "score")) {
        st = regint_grants_set_score(ds, x->id, x->criterion, x->score);
    } else if (!strcmp(sub, "decide")) {
        st = regint_grants_decide(ds, x->id, outcomes[x->outcome], x->amount < 0 ? 0 : x->amount, x->date,
                                  x->reason);
    } else if (!strcmp(sub, "pay")) {
        st = x->final ? regint_grants_add_final_payment(ds, x->id, x->date, x->amount)
                      : regint_grants_add_payment(ds, x->id, x->date, x->amount);
    } else if (!strcmp(sub, "repay")) {
        st = regint_grants_add_reclaimed(ds, x->id, x->amount);
    } else if (status_report) {
        regint_grant_status_report_t r = {x->date, x->period, x->summary, x->participants};
        st = regint_grants_add_status_report(ds, x->id, &r);
    } else if (!strcmp(sub, "receive-report")) {
        /* One change of the file: the report and its results are saved together or not at all. */
        st = regint_grants_set_report(ds, x->id, x->date, x->participants, x->used);
        if (st == REGINT_OK && x->in_work >= 0)
            st = regint_grants_set_results(ds, x->id, x->in_work, x->in_education);
    } else {
        changes = 0;
        rc = !strcmp(sub, "list") ? list(ds, x) : remind(ds, x);
    }
    if (st != REGINT_OK)
        rc = cli_fail(cmd->name, x->data);
    /* Save only a successful change: the file is left as it was otherwise. */
    if (changes && rc == CLI_OK) {
        if (regint_dataset_save_file(ds, x->data))
            rc = cli_fail(cmd->name, "--data");
        else
            fprintf(stderr, "regint %s: %s: saved %s\n", cmd->name, x->id, x->data);
    }
    regint_dataset_free(ds);
    return rc;
}
