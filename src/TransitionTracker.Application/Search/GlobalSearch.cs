using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Application.Search;

/// <summary>
/// The search behind the app bar: regions, consortia, PCTs and GP practices by code or name, and for administrators
/// users by e-mail address or display name; only what the reader may read (the rules of <see cref="UserAccess"/>), so
/// nothing is found for nobody signed in. Ranked: an exact code, then a code starting with the text, then a name
/// with a word starting with it, then a name containing it anywhere; within each, by kind (<see cref="SearchHitKind"/>),
/// then name. Case is ignored and the text is matched literally. One query, ranked and cut to the limit in the
/// database.
/// </summary>
public sealed class GlobalSearch(DbContexts contexts)
{
    public const int MaximumLimit = 50;

    /// <summary>
    /// Up to <paramref name="limit"/> hits (at least 1, at most <see cref="MaximumLimit"/>), best first. Text shorter than
    /// two characters finds nothing and asks the database nothing; text longer than 100 characters is cut to 100.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> FindAsync(ActingUser? user, string? text, int limit, CancellationToken cancellationToken)
    {
        if (user is null || SearchTerm.TryParse(text) is not { } term)
        {
            return [];
        }

        var access = user.Access;
        await using var db = contexts.OpenForReading();
        var candidates = Regions(db, access).Concat(Consortia(db, access)).Concat(Pcts(db, access)).Concat(Practices(db, access));
        if (access.IsAdministrator)
        {
            candidates = candidates.Concat(Users(db));
        }

        var found = await Ranked(candidates, term).Take(Math.Clamp(limit, 1, MaximumLimit)).ToListAsync(cancellationToken);
        return found.Select(HitOf).ToList();
    }

    // Names are upper-cased by the database (upper() on both providers) and the text in memory (SearchTerm).
    // Contains and StartsWith are translated with LIKE's wildcards escaped (or without LIKE), so "%" and "_" are literal.
    private static IQueryable<Candidate> Ranked(IQueryable<Candidate> candidates, SearchTerm term)
    {
        var text = term.Text;
        var words = term.Words;
        var wordStart = " " + term.Words;
        return candidates
            .Select(c => new
            {
                Candidate = c,
                // The same separators as SearchTerm.Words, and a leading space so the first word starts like the others.
                Words = " " + c.Text.ToUpper().Replace("-", " ").Replace(".", " ").Replace("/", " ").Replace("(", " "),
            })
            .Where(x => x.Candidate.Key.StartsWith(text) || x.Words.Contains(words))
            .Select(x => new
            {
                x.Candidate,
                Rank = x.Candidate.Key == text ? 0
                    : x.Candidate.Key.StartsWith(text) ? 1
                    : x.Words.Contains(wordStart) ? 2
                    : 3,
            })
            .OrderBy(x => x.Rank).ThenBy(x => x.Candidate.Kind).ThenBy(x => x.Candidate.Name).ThenBy(x => x.Candidate.Id)
            .Select(x => x.Candidate);
    }

    /// <summary>The regions whose page the reader may open (<see cref="UserAccess.CanReadRegion"/>).</summary>
    private static IQueryable<Candidate> Regions(TransitionTrackerDbContext db, UserAccess access)
    {
        var regions = db.Regions.AsQueryable();
        if (!access.ReadsEverything)
        {
            var lead = access.LeadRegions.ToArray();
            var managed = access.ManagedPcts.ToArray();
            regions = regions.Where(r => lead.Contains(r.Code) || db.Pcts.Any(p => p.RegionCode == r.Code && managed.Contains(p.Code)));
        }

        return regions.Select(r => new Candidate
        {
            Kind = SearchHitKind.Region,
            Id = r.Code,
            Key = r.Code,
            Text = r.Name,
            Name = r.Name,
            RegionName = null,
            PctCode = null,
            PctName = null,
            ConsortiumCode = null,
            ConsortiumName = null,
            Email = null,
            IsDisabled = false,
        });
    }

    private static IQueryable<Candidate> Consortia(TransitionTrackerDbContext db, UserAccess access) =>
        ConsortiumCatalogue.Readable(db.Consortia, access).Select(c => new Candidate
        {
            Kind = SearchHitKind.Consortium,
            Id = c.Code,
            Key = c.Code,
            Text = c.Name,
            Name = c.Name,
            RegionName = db.Regions.Where(r => r.Code == c.RegionCode).Select(r => r.Name).FirstOrDefault(),
            PctCode = null,
            PctName = db.Pcts.Where(p => c.Pcts.Any(cp => cp.IsHost && cp.PctCode == p.Code)).Select(p => p.Name).FirstOrDefault(),
            ConsortiumCode = null,
            ConsortiumName = null,
            Email = null,
            IsDisabled = false,
        });

    private static IQueryable<Candidate> Pcts(TransitionTrackerDbContext db, UserAccess access) =>
        ReadablePcts(db.Pcts, access).Select(p => new Candidate
        {
            Kind = SearchHitKind.Pct,
            Id = p.Code,
            Key = p.Code,
            Text = p.Name,
            Name = p.Name,
            RegionName = db.Regions.Where(r => r.Code == p.RegionCode).Select(r => r.Name).FirstOrDefault(),
            PctCode = null,
            PctName = null,
            ConsortiumCode = null,
            ConsortiumName = null,
            Email = null,
            IsDisabled = false,
        });

    /// <summary>
    /// The practices the reader sees on a page: those of a PCT they may read and the current members of a consortium
    /// they may read. The consortium's name comes only when the reader may read it.
    /// </summary>
    private static IQueryable<Candidate> Practices(TransitionTrackerDbContext db, UserAccess access)
    {
        var consortia = ConsortiumCatalogue.Readable(db.Consortia, access);
        var practices = db.Practices
            .Select(p => new
            {
                Practice = p,
                Consortium = db.ConsortiumMemberships.Where(m => m.PracticeCode == p.Code && m.LeftOn == null).Select(m => m.ConsortiumCode).FirstOrDefault(),
            })
            .Select(x => new
            {
                x.Practice,
                x.Consortium,
                ReadableConsortiumName = consortia.Where(c => c.Code == x.Consortium).Select(c => c.Name).FirstOrDefault(),
            });
        if (!access.ReadsEverything)
        {
            var pcts = ReadablePcts(db.Pcts, access);
            practices = practices.Where(x => x.ReadableConsortiumName != null || pcts.Any(p => p.Code == x.Practice.PctCode));
        }

        return practices
            .Select(x => new Candidate
            {
                Kind = SearchHitKind.Practice,
                Id = x.Practice.Code,
                Key = x.Practice.Code,
                Text = x.Practice.Name,
                Name = x.Practice.Name,
                RegionName = null,
                PctCode = x.Practice.PctCode,
                PctName = db.Pcts.Where(p => p.Code == x.Practice.PctCode).Select(p => p.Name).FirstOrDefault(),
                ConsortiumCode = x.Consortium,
                ConsortiumName = x.ReadableConsortiumName,
                Email = null,
                IsDisabled = false,
            });
    }

    private static IQueryable<Candidate> Users(TransitionTrackerDbContext db) =>
        db.Users.Select(u => new Candidate
        {
            Kind = SearchHitKind.User,
            Id = u.Id,
            Key = u.NormalizedEmail ?? "",
            Text = u.DisplayName + " " + (u.Email ?? ""),
            Name = u.DisplayName,
            RegionName = null,
            PctCode = null,
            PctName = null,
            ConsortiumCode = null,
            ConsortiumName = null,
            Email = u.Email,
            IsDisabled = u.IsDisabled,
        });

    /// <summary>The rules of <see cref="UserAccess.CanReadPct"/>, as a query.</summary>
    private static IQueryable<Pct> ReadablePcts(IQueryable<Pct> pcts, UserAccess access)
    {
        if (access.ReadsEverything)
        {
            return pcts;
        }

        var regions = access.LeadRegions.ToArray();
        var managed = access.ManagedPcts.ToArray();
        return pcts.Where(p => regions.Contains(p.RegionCode) || managed.Contains(p.Code));
    }

    private static SearchHit HitOf(Candidate c) => c.Kind switch
    {
        SearchHitKind.Region => new SearchHit(c.Kind, c.Id, c.Name, "Strategic health authority", $"/regions/{c.Id}"),
        SearchHitKind.Consortium => new SearchHit(c.Kind, c.Id, c.Name, Join(c.PctName, c.RegionName), $"/consortia/{c.Id}"),
        SearchHitKind.Pct => new SearchHit(c.Kind, c.Id, c.Name, c.RegionName ?? "", $"/pcts/{c.Id}"),
        SearchHitKind.Practice => c.ConsortiumName is not null
            ? new SearchHit(c.Kind, c.Id, c.Name, Join(c.ConsortiumName, c.PctName), $"/consortia/{c.ConsortiumCode}")
            : new SearchHit(c.Kind, c.Id, c.Name, Join(c.ConsortiumCode is null ? "No consortium" : null, c.PctName), $"/pcts/{c.PctCode}"),
        SearchHitKind.User => new SearchHit(
            c.Kind,
            c.Id,
            c.Name.Length > 0 ? c.Name : c.Email ?? c.Id,
            Join(c.Email, c.IsDisabled ? "disabled" : null),
            $"/admin/users/{Uri.EscapeDataString(c.Id)}"),
        _ => throw new ArgumentOutOfRangeException(nameof(c), c.Kind, null),
    };

    private static string Join(params string?[] parts) => string.Join(", ", parts.Where(p => !string.IsNullOrEmpty(p)));

    // One row shape for every kind, so that all kinds are ranked and cut to the limit in one query (UNION ALL).
    private sealed class Candidate
    {
        public SearchHitKind Kind { get; init; }

        /// <summary>The organisation's code or the user's id.</summary>
        public required string Id { get; init; }

        /// <summary>What is matched exactly or by its start: the code, or the user's normalised e-mail address.</summary>
        public required string Key { get; init; }

        /// <summary>What is matched by a word's start or anywhere: the name (a user's display name and e-mail address).</summary>
        public required string Text { get; init; }

        public required string Name { get; init; }

        /// <summary>A PCT's or consortium's region.</summary>
        public string? RegionName { get; init; }

        /// <summary>A practice's PCT.</summary>
        public string? PctCode { get; init; }

        /// <summary>A practice's PCT, or a consortium's host PCT.</summary>
        public string? PctName { get; init; }

        /// <summary>A practice's current consortium, whether or not the reader may read it.</summary>
        public string? ConsortiumCode { get; init; }

        /// <summary>The name of a practice's current consortium, only when the reader may read it.</summary>
        public string? ConsortiumName { get; init; }

        public string? Email { get; init; }

        public bool IsDisabled { get; init; }
    }
}
