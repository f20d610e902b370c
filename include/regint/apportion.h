/**
 * @file apportion.h
 * @brief Apportionment: share a whole number of seats (persons, places, kroner) among units
 *        in proportion to integer weights, by Hamilton or a divisor method, with bounds.
 *
 * One function, regint_apportion(), covers every method. The result always sums exactly to
 * the requested total, and the same input always gives the same output (exact integer
 * arithmetic: no floating point decides a comparison, except where the divisor itself is
 * irrational, see below).
 *
 * ## Methods and divisors
 * A divisor method gives the next seat to the unit with the highest priority
 * w_i / d(s_i), where s_i is the unit's current number of seats:
 *
 * | method                                  | d(k) for the (k+1)-th seat        |
 * |-----------------------------------------|-----------------------------------|
 * | ::REGINT_APPORTION_DHONDT (Jefferson)   | k + 1                             |
 * | ::REGINT_APPORTION_SAINTE_LAGUE (Webster)| k + 1/2 (1, 3, 5, ...)           |
 * | ::REGINT_APPORTION_SAINTE_LAGUE_MODIFIED| first_divisor, 3, 5, 7, ... (as 2k+1 with d(0) = first_divisor; Norway: 1.4) |
 * | ::REGINT_APPORTION_HUNTINGTON_HILL      | sqrt(k (k+1))                     |
 * | ::REGINT_APPORTION_ADAMS                | k                                 |
 * | ::REGINT_APPORTION_DEAN                 | k (k+1) / (k + 1/2)               |
 * | ::REGINT_APPORTION_SAINTE_LAGUE_MIN10   | 5 for k < 10, then k + 1/2 (10.5, 11.5, ...) |
 *
 * ::REGINT_APPORTION_HAMILTON (largest remainder, Hare quota) gives each unit the floor of
 * its quota total*w_i/W and the remaining seats to the largest remainders.
 *
 * ::REGINT_APPORTION_SAINTE_LAGUE_MIN10 is Sainte-Laguë with the national rule "nobody is
 * asked for fewer than 10" built into the divisors (signposts): the first ten seats all have
 * divisor 5, so a unit gets none while its divisor-adjusted quota is at most 5 and then ten
 * at once; above ten it is plain Sainte-Laguë. No separate "who is asked" step is needed.
 * Between two thresholds a unit can stand at 1..9 while it is being phased in (the last
 * seats of a total go one at a time). It is the settlement default (docs/settlement.md).
 *
 * ## House monotonicity (the Alabama paradox)
 * Every divisor method, with fixed bounds, is *house monotone*: raising the total by one adds
 * one seat to one unit and takes none from any (the sequential form below). Hamilton is not:
 * with IMDi's 2026 figures for Vestfold, total 338 gives Holmestrand 19 and total 339 gives
 * it 18 (the Alabama paradox). Use a divisor method where a unit must never lose because the
 * total rose.
 *
 * ## Conventions
 * - **Ties** (equal priorities, or equal Hamilton remainders) go to the **lowest index**
 *   first. Comparisons are exact: priorities are compared as integer cross products in
 *   128- or 256-bit arithmetic, Hamilton remainders as (total*w_i) mod W. Huntington-Hill
 *   compares squares (w_a^2 * k_b(k_b+1) against w_b^2 * k_a(k_a+1)), so it is exact too.
 *   The modified Sainte-Laguë first divisor is a double; it is taken as the nearest
 *   multiple of 10^-6 (1.4 = 1400000/1000000 exactly) and used as that exact rational.
 * - **d(0) = 0** for Huntington-Hill, Adams and Dean: the first seat has infinite priority,
 *   so every unit with a positive weight gets one seat before any unit gets a second (the
 *   US House rule). If total is smaller than the number of positive-weight units that can
 *   take a seat (upper bound >= 1) and the lower bounds do not settle it (Σlower < total),
 *   the call fails with ::REGINT_EINFEASIBLE. Otherwise first seats follow the
 *   one-seat-at-a-time rule (with lower bounds, infinite priorities tie: lowest index first).
 *   total = 0 gives all zeros.
 * - **Weight 0**: such a unit gets its lower bound (0 without bounds) and nothing more, by
 *   every method. If the remaining seats cannot be placed (all positive-weight units are at
 *   their upper bound, or every weight is 0 and total exceeds the sum of lower bounds), the
 *   call fails with ::REGINT_EINFEASIBLE.
 * - **Bounds for divisor methods**: x_i = median(lower_i, round_d(w_i/λ), upper_i) for a
 *   common divisor λ; equivalently, start every unit at its lower bound and hand out the
 *   remaining seats one by one by highest priority among the units below their upper bound.
 * - **Bounds for Hamilton**: clipped quotas q_i = median(lower_i, t*w_i, upper_i) with the
 *   factor t chosen so that Σq_i = total (water filling); then floor(q_i) and the remaining
 *   seats go to the largest fractional parts (lowest index on ties).
 *
 * ## Cost
 * O(n log n) time and O(n) extra memory, independent of the total: the divisor is found by
 * a floating estimate (false position / bisection), turned into an exact threshold, and the
 * last few seats are settled with the exact tie rule (quickselect, or a heap one seat at a
 * time). About 0.03-0.14 s for 10^6 units and total 10^9 (docs/apportionment.md).
 */
#ifndef REGINT_APPORTION_H
#define REGINT_APPORTION_H

#include <stddef.h>
#include <stdint.h>

#include "regint/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The apportionment methods. Values are stable (stored in files). */
typedef enum regint_apportion_method {
    REGINT_APPORTION_HAMILTON = 0,              /**< largest remainder, Hare quota ("hamilton") */
    REGINT_APPORTION_DHONDT = 1,                /**< D'Hondt / Jefferson, d(k)=k+1 ("dhondt") */
    REGINT_APPORTION_SAINTE_LAGUE = 2,          /**< Sainte-Laguë / Webster, d(k)=k+1/2 ("sainte-lague") */
    REGINT_APPORTION_SAINTE_LAGUE_MODIFIED = 3, /**< first divisor configurable, then 3,5,7,... ("sainte-lague-modified") */
    REGINT_APPORTION_HUNTINGTON_HILL = 4,       /**< d(k)=sqrt(k(k+1)) ("huntington-hill") */
    REGINT_APPORTION_ADAMS = 5,                 /**< d(k)=k ("adams") */
    REGINT_APPORTION_DEAN = 6,                  /**< d(k)=k(k+1)/(k+1/2) ("dean") */
    REGINT_APPORTION_SAINTE_LAGUE_MIN10 = 7     /**< d(k)=5 for k<10, else k+1/2: 0 or at least 10 ("sainte-lague-min10") */
} regint_apportion_method;
/** Number of values of ::regint_apportion_method (they are 0 .. REGINT_APPORTION_METHOD_COUNT - 1). */
#define REGINT_APPORTION_METHOD_COUNT 8

/** Version of ::regint_apportion_options understood by this build. */
#define REGINT_APPORTION_OPTIONS_VERSION 1

/** Options of regint_apportion(); initialise with ::REGINT_APPORTION_OPTIONS_INIT. */
typedef struct regint_apportion_options {
    int version;                    /**< ::REGINT_APPORTION_OPTIONS_VERSION (1) */
    regint_apportion_method method; /**< the method; default Hamilton */
    double first_divisor;           /**< modified Sainte-Laguë only: d(0); default 1.4; must be
                                         finite and in (0, 3], and at least 0.000001 once
                                         rounded to a multiple of 10^-6 */
    const int64_t *lower;           /**< NULL (all 0) or n lower bounds, each >= 0 */
    const int64_t *upper;           /**< NULL (none) or n upper bounds; INT64_MAX = no bound */
} regint_apportion_options;

/** Default options: Hamilton, first divisor 1.4, no bounds. */
#define REGINT_APPORTION_OPTIONS_INIT { REGINT_APPORTION_OPTIONS_VERSION, REGINT_APPORTION_HAMILTON, 1.4, NULL, NULL }

/**
 * Initialise @p opts with the defaults of ::REGINT_APPORTION_OPTIONS_INIT for the given version (like
 * libgit2's `git_checkout_options_init()`): use it where a brace initialiser cannot be.
 * @param opts     the options to fill (all members are overwritten)
 * @param version  the version the caller was compiled with, ::REGINT_APPORTION_OPTIONS_VERSION
 * @return ::REGINT_OK; ::REGINT_EVERSION for a version this build does not know;
 *         ::REGINT_EINVAL for a NULL @p opts.
 */
REGINT_API regint_status regint_apportion_options_init(regint_apportion_options *opts, int version);

/**
 * Apportion @p total seats among @p n units in proportion to @p weights.
 *
 * @param weights n non-negative integers (for real-valued weights use regint_apportion_double());
 *                Σweights must not exceed INT64_MAX. May be NULL only when n = 0.
 * @param n       number of units (0 is allowed: then total must be 0, or sit within the
 *                bounds, which are empty, so total must be 0).
 * @param total   seats to hand out, >= 0.
 * @param opt     options, or NULL for ::REGINT_APPORTION_OPTIONS_INIT.
 * @param seats   out: n values summing exactly to @p total; untouched on failure.
 *                May be NULL only when n = 0.
 * @return ::REGINT_OK;
 *         ::REGINT_EINFEASIBLE when Σlower > total or Σupper < total (the message names
 *         both sums), or when the seats cannot be placed (Adams/Dean/Huntington-Hill with
 *         total < positive-weight units and Σlower < total, or seats left over once every
 *         positive-weight unit is at its upper bound);
 *         ::REGINT_EINVAL for bad arguments (NULL pointers, negative weight, total or lower
 *         bound, lower > upper for a unit (the message names the index), unknown method,
 *         bad first divisor);
 *         ::REGINT_EVERSION for an options version this build does not know;
 *         ::REGINT_ERANGE when Σweights overflows int64_t;
 *         ::REGINT_ENOMEM when out of memory.
 */
REGINT_API regint_status regint_apportion(const int64_t *weights, size_t n, int64_t total,
                                          const regint_apportion_options *opt, int64_t *seats);

/**
 * Apportion @p total seats among @p n units in proportion to real-valued @p weights: the same
 * as regint_apportion() (methods, bounds, ties, errors) on integer weights derived from the
 * doubles in one documented, deterministic way.
 *
 * Conversion: all weights are multiplied by one power of two 2^s, chosen so that the largest
 * weight lands in [2^(B-1), 2^B) with B = 62 - ceil(log2 n) (so the integers sum to at most
 * 2^62), and each product is rounded to the nearest integer (halves away from zero).
 * Scaling by a power of two is exact, so rounding is the only approximation: a weight whose
 * binary order is at most B-53 below the largest's (n <= 512: at least every weight of the
 * largest's order; n = 3: down to about 1/128 of it) is converted exactly, as is any weight
 * whose low bits are zero (integers, halves, ...); any other is off by at most 2^-B of the
 * largest weight. So the apportionment is that of the doubles' exact ratios, up to that
 * rounding. A weight below about 2^-B of the largest may become 0 and then gets only its
 * lower bound. The same input gives the same output on every IEEE 754 platform.
 *
 * @param weights n finite non-negative doubles. May be NULL only when n = 0.
 * @param n       number of units.
 * @param total   seats to hand out, >= 0.
 * @param opt     options, or NULL for ::REGINT_APPORTION_OPTIONS_INIT.
 * @param seats   out: n values summing exactly to @p total; untouched on failure.
 * @return as regint_apportion(); ::REGINT_EINVAL also for a NaN, infinite or negative weight
 *         (the message names the index); ::REGINT_ENOMEM when out of memory.
 */
REGINT_API regint_status regint_apportion_double(const double *weights, size_t n, int64_t total,
                                                 const regint_apportion_options *opt, int64_t *seats);

/**
 * The name of a method: "hamilton", "dhondt", "sainte-lague", "sainte-lague-modified",
 * "huntington-hill", "adams", "dean", "sainte-lague-min10".
 * @param m  the method
 * @return a static string; "unknown" for a value outside the enum (never NULL).
 */
REGINT_API const char *regint_apportion_method_name(regint_apportion_method m);

/**
 * The method with the given name (as regint_apportion_method_name() gives it; '_' is accepted
 * in place of '-', letter case is ignored).
 * @param name  the name (NUL-terminated)
 * @param out   receives the method on success
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name (the message lists the
 *         known names), as every _from_name(); ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_apportion_method_from_name(const char *name,
                                                           regint_apportion_method *out);

#ifdef __cplusplus
}
#endif
#endif
