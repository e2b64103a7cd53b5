using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Regions;

/// <summary>
/// Dashboard figures worked out again in the test, from entities loaded with plain LINQ and counted in memory,
/// so they do not share any of the dashboard service's SQL.
/// </summary>
public sealed class Expected
{
    private Expected()
    {
    }

    public required IReadOnlyList<Row> Consortia { get; init; }

    /// <summary>The reference date the test settings give (Dashboards:ReferenceDate), which the figures are as at.</summary>
    public required DateOnly AsAt { get; init; }

    public required IReadOnlyList<TrackDecision> Decisions { get; init; }

    public required DateOnly Today { get; init; }

    public required IReadOnlyList<Assessment> Readiness { get; init; }

    public required IReadOnlyList<Assessment> Competency { get; init; }

    public required IReadOnlyList<DomainScore> CompetencyScores { get; init; }

    public sealed record Row(
        string Code, string Name, string RegionCode, string? HostPct, IReadOnlyList<string> Pcts, ConsortiumStage Stage, long Population,
        Track? Track, Track? Computed, Track? Override, double? Score, DateTime? LastAssessed, bool Overdue);

    public sealed record Figures(int Consortia, int FastMovers, int NeedsSupport, double Share, int Overdue, int NotRecent);

    public static async Task<Expected> LoadAsync(TransitionTrackerFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var consortia = await db.Consortia.AsNoTracking().Include(c => c.Pcts).Include(c => c.Memberships).ToListAsync();
        var practices = await db.Practices.AsNoTracking().ToListAsync();
        var uk = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var asAt = DateOnly.ParseExact(scope.ServiceProvider.GetRequiredService<IConfiguration>()["Dashboards:ReferenceDate"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = EndOfUkDay(asAt);
        var submitted = (await db.Assessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Submitted).ToListAsync())
            .Where(a => a.SubmittedAtUtc < end).ToList();
        var readiness = submitted.Where(a => a.FrameworkId == ShippedFrameworks.Default).ToList();
        var decisions = (await db.TrackDecisions.AsNoTracking().ToListAsync()).Where(d => d.DecidedAtUtc < end).ToList();
        var actions = await db.SupportActions.AsNoTracking().ToListAsync();

        // An action is not overdue once its criterion is met in the consortium's latest submitted readiness assessment,
        // whenever that was submitted.
        var met = (await db.Assessments.AsNoTracking().Include(a => a.Responses)
                .Where(a => a.Status == AssessmentStatus.Submitted && a.FrameworkId == ShippedFrameworks.Default).ToListAsync())
            .GroupBy(a => a.ConsortiumCode)
            .SelectMany(g => g.OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id).First().Responses
                .Where(r => r.Status == ResponseStatus.Met).Select(r => (g.Key, r.CriterionId)))
            .ToHashSet();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, uk).DateTime);
        var listSize = practices.ToDictionary(p => p.Code, p => (long)p.ListSize);

        var rows = consortia.Select(c =>
        {
            var latest = readiness.Where(a => a.ConsortiumCode == c.Code).OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id).FirstOrDefault();
            var decision = decisions.Where(d => d.ConsortiumCode == c.Code).OrderByDescending(d => d.Id).FirstOrDefault();
            return new Row(
                c.Code, c.Name, c.RegionCode, c.HostPctCode, c.Pcts.Select(p => p.PctCode).ToList(), c.Stage,
                c.Memberships.Where(m => m.IsCurrent).Sum(m => listSize[m.PracticeCode]),
                decision?.Track ?? latest?.Track, latest?.Track, decision?.Track, latest?.Score, latest?.SubmittedAtUtc,
                actions.Any(a => a.ConsortiumCode == c.Code && a.IsOverdue(today, met.Contains((a.ConsortiumCode, a.CriterionId)))));
        }).ToList();

        var competency = submitted.Where(a => a.FrameworkId == ShippedFrameworks.WorldClassCommissioning).ToList();
        var competencyIds = competency.Select(a => a.Id).ToHashSet();
        return new Expected
        {
            Consortia = rows,
            AsAt = asAt,
            Decisions = decisions,
            Today = today,
            Readiness = readiness,
            Competency = competency,
            CompetencyScores = (await db.DomainScores.AsNoTracking().ToListAsync()).Where(d => competencyIds.Contains(d.AssessmentId)).ToList(),
        };
    }

    public IEnumerable<Row> InRegion(string? region) => Consortia.Where(c => region is null || c.RegionCode == region);

    public Figures For(string? region)
    {
        var rows = InRegion(region).ToList();
        var population = rows.Sum(r => r.Population);
        var cutoff = EndOfUkDay(AsAt.AddMonths(-3));
        return new Figures(
            rows.Count,
            rows.Count(r => r.Track == Track.FastMover),
            rows.Count(r => r.Track == Track.NeedsSupport),
            Math.Round((double)rows.Where(r => r.Track == Track.FastMover).Sum(r => r.Population) / population, 4, MidpointRounding.AwayFromZero),
            rows.Count(r => r.Overdue),
            rows.Count(r => r.LastAssessed is null || r.LastAssessed < cutoff));
    }

    /// <summary>
    /// Per month from the first submission or decision to the reference date's month, consortia per effective track at
    /// the end of the month: the latest decision up to then, otherwise the latest submission up to then.
    /// </summary>
    public IReadOnlyList<(DateOnly Month, int Fast, int Support)> Trend(string? region)
    {
        var codes = InRegion(region).Select(r => r.Code).ToList();
        var first = Readiness.Where(a => codes.Contains(a.ConsortiumCode) && a.Track is not null).Select(a => a.SubmittedAtUtc!.Value)
            .Concat(Decisions.Where(d => codes.Contains(d.ConsortiumCode)).Select(d => d.DecidedAtUtc)).Min();
        var months = new List<(DateOnly, int, int)>();
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= new DateOnly(AsAt.Year, AsAt.Month, 1); month = month.AddMonths(1))
        {
            var end = EndOfUkDay(month.AddMonths(1).AddDays(-1));
            var tracks = codes.Select(code =>
                Decisions.Where(d => d.ConsortiumCode == code && d.DecidedAtUtc < end).OrderBy(d => d.DecidedAtUtc).ThenBy(d => d.Id).LastOrDefault()?.Track
                ?? Readiness.Where(a => a.ConsortiumCode == code && a.SubmittedAtUtc < end).OrderBy(a => a.SubmittedAtUtc).ThenBy(a => a.Id).LastOrDefault()?.Track).ToList();
            months.Add((month, tracks.Count(t => t == Track.FastMover), tracks.Count(t => t == Track.NeedsSupport)));
        }

        return months;
    }

    public static DateTime EndOfUkDay(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    /// <summary>Per competency: consortia assessed in both months, mean in each month; and the average change.</summary>
    public (int Consortia, IReadOnlyDictionary<string, (int Count, double From, double To)> Domains, double AverageChange) Competencies(string? region, DateOnly from, DateOnly to)
    {
        var codes = InRegion(region).Select(r => r.Code).ToHashSet();
        Assessment? LastIn(string code, DateOnly month) => Competency
            .Where(a => a.ConsortiumCode == code && a.SubmittedAtUtc!.Value.Year == month.Year && a.SubmittedAtUtc.Value.Month == month.Month)
            .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id).FirstOrDefault();
        var pairs = codes.Select(c => (First: LastIn(c, from), Second: LastIn(c, to))).Where(p => p.First is not null && p.Second is not null).ToList();
        var scores = CompetencyScores.ToLookup(d => d.AssessmentId);
        var domains = new Dictionary<string, (int, double, double)>();
        foreach (var domain in ShippedFrameworks.Find(ShippedFrameworks.WorldClassCommissioning)!.Domains)
        {
            var both = pairs
                .Select(p => (From: scores[p.First!.Id].SingleOrDefault(d => d.DomainId == domain.Id)?.Score, To: scores[p.Second!.Id].SingleOrDefault(d => d.DomainId == domain.Id)?.Score))
                .Where(x => x.From is not null && x.To is not null)
                .ToList();
            if (both.Count > 0)
            {
                domains[domain.Id] = (both.Count, both.Average(x => x.From!.Value), both.Average(x => x.To!.Value));
            }
        }

        return (pairs.Count, domains, domains.Values.Average(d => d.Item3 - d.Item2));
    }
}
