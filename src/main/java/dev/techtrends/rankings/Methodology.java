package dev.techtrends.rankings;

import java.util.List;

/** Method v1 in words, as published at /api/v1/methodology. */
final class Methodology {
    private Methodology() {
    }

    static final List<String> FORMULAS = List.of(
            "Scores are computed per quarter and per category. The default asOf is the newest quarter for which any "
                    + "signal has complete data.",
            "x[s,i,q]: the value of signal s for technology i in quarter q, a share of the source's universe in that "
                    + "period; a monthly signal's quarter is the mean of its three months, and a quarter with a missing "
                    + "month is missing.",
            "Level L[s,i,q] = mean of x over q-3..q (the trailing year), given at least 3 of those 4 quarters.",
            "Normalised level N[s,i,q] = 100 * L[s,i,q] / max over the category's technologies of L[s,j,q]: the "
                    + "category leader on each signal is 100.",
            "Growth G[s,i,q] = ln(L[s,i,q] / L[s,i,q-4]), clamped to [-1, 1].",
            "Weights: preset balanced = github_topic_developers 0.30, github_language_developers 0.30, "
                    + "search_interest 0.20, qa_questions 0.20, job_postings 0. A signal whose newest data is a "
                    + "quarters older than q counts with weight w * 0.5^(a/4), its last level and growth carried "
                    + "forward, and not at all when a > 8.",
            "Popularity P = sum(w * N) / sum(w) over signals with a level (0-100). Momentum M = sum(w * G) / sum(w) "
                    + "over signals with a growth; momentumPct = 100 * (e^M - 1), percent per year.",
            "Trend score T = (1 - a) * P + a * (50 + 50 * clamp(M / ln 2, -1, 1)) with a = momentumWeight = 0.5 by "
                    + "default: half how big it is, half how fast it grows, doubling in a year being the top. No trend "
                    + "score without a momentum.",
            "Coverage = the share of the default weight whose signals are present; confidence is low below 0.25, "
                    + "medium below 0.6, high otherwise.",
            "Changes: every figure against the previous quarter and a year ago; rank change = rank then - rank now. "
                    + "Why it moved: T = a*50 + sum over signals of t_s, with t_s = (1-a) * w_s*N_s/sum(w) + "
                    + "a*50*k*(w_s*G_s/sum(w))/ln 2, where k spreads the clamp of M proportionally; the changes of t_s "
                    + "add up exactly to the change of T.",
            "Stage, derived from the data, first match wins: adopt (P >= 50 and M >= ln 0.9), trial (M >= ln 1.15), "
                    + "assess (M >= 0), hold (otherwise). No stage without a momentum.",
            "The overall ranking across categories sorts the technologies' trend scores, each computed within its "
                    + "own category.");

    static final List<String> CAVEATS = List.of(
            "The default asOf follows the freshest source (PYPL search, monthly); sources that end earlier count "
                    + "with decayed weight and drop out after 8 quarters, so some categories rest on one signal.",
            "Normalised levels are relative to each category's leader on each signal: a single-technology category "
                    + "always has popularity 100.",
            "A technology needs about seven quarters of data before it has a momentum and so a trend score.",
            "Shares of keyword-matched or self-labelled data (job postings, repository topics) over- or under-count "
                    + "ambiguous names; see each source's provenance.");

    static final List<String> FORMULAS_V2 = concat(FORMULAS, List.of(
            "v2 changes two things and nothing else. Default asOf: the newest quarter in which signals carrying at "
                    + "least half of the default weight have complete data (v1: any signal), so slower sources are "
                    + "fresh rather than stale or dropped.",
            "v2 coverage = the weight used after staleness decay, over signals with a level, divided by the weight "
                    + "asked for (v1: the default weight of the signals present); confidence follows from it with the "
                    + "same thresholds."));

    static final List<String> CAVEATS_V2 = List.of(CAVEATS.get(1), CAVEATS.get(2), CAVEATS.get(3));

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
