using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data.Frameworks;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Frameworks;

/// <summary>
/// Stored readiness frameworks: reading any version, and publishing a new one. Frameworks are published reference data:
/// every signed-in user may read them; only administrators publish.
/// </summary>
public sealed class FrameworkLibrary(DbContexts contexts, FrameworkCache cache, TimeProvider clock)
{
    public const int MaxDocumentBytes = 256 * 1024;

    /// <summary>The latest version of every framework, with the versions that exist; empty for nobody signed in.</summary>
    public async Task<IReadOnlyList<FrameworkSummary>> ListAsync(ActingUser? user, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return [];
        }

        await using var db = contexts.OpenForReading();
        var versions = await db.Frameworks.AsNoTracking()
            .OrderBy(f => f.FrameworkId).ThenBy(f => f.Version)
            .Select(f => new { f.FrameworkId, f.Version, f.PublishedAtUtc, f.PublishedBy, f.Definition })
            .ToListAsync(cancellationToken);
        return versions.GroupBy(v => v.FrameworkId)
            .Select(g =>
            {
                var latest = g.Last();
                var framework = cache.GetOrParse(latest.FrameworkId, latest.Version, latest.Definition);
                return new FrameworkSummary(
                    framework.Id,
                    framework.Name,
                    framework.Version,
                    framework.Scale.ToWireName(),
                    framework.Domains.Count,
                    framework.Criteria.Count,
                    g.Select(v => v.Version).ToList(),
                    latest.PublishedAtUtc,
                    latest.PublishedBy);
            })
            .ToList();
    }

    /// <summary>One version of a framework (the latest when <paramref name="version"/> is null), or null (also for nobody signed in).</summary>
    public Task<Framework?> GetAsync(ActingUser? user, string id, int? version, CancellationToken cancellationToken) =>
        user is null ? Task.FromResult<Framework?>(null) : FindAsync(id, version, cancellationToken);

    /// <summary>
    /// One version of a framework (the latest when <paramref name="version"/> is null), or null: for use cases that
    /// have already checked their acting user's scope.
    /// </summary>
    public async Task<Framework?> FindAsync(string id, int? version, CancellationToken cancellationToken)
    {
        // A published version never changes: one parsed already needs no query, and the definition (tens of
        // kilobytes) is read only for a version this process has not parsed yet.
        if (version is { } known && cache.TryGet(id, known, out var parsed))
        {
            return parsed;
        }

        await using var db = contexts.OpenForReading();
        var found = await db.Frameworks.AsNoTracking()
            .Where(f => f.FrameworkId == id && (version == null || f.Version == version))
            .OrderByDescending(f => f.Version)
            .Select(f => (int?)f.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (found is not { } stored)
        {
            return null;
        }

        if (cache.TryGet(id, stored, out parsed))
        {
            return parsed;
        }

        var definition = await db.Frameworks.AsNoTracking()
            .Where(f => f.FrameworkId == id && f.Version == stored)
            .Select(f => f.Definition)
            .SingleAsync(cancellationToken);
        return cache.GetOrParse(id, stored, definition);
    }

    /// <summary>
    /// Checks a framework file as <see cref="PublishAsync"/> would and, when it could be published, says what it would
    /// change in the published version. Stores nothing. Null for anyone but an administrator.
    /// </summary>
    public async Task<FrameworkPreview?> PreviewAsync(ActingUser? user, string json, CancellationToken cancellationToken)
    {
        if (user is not { Access.IsAdministrator: true })
        {
            return null;
        }

        var check = Check(json);
        if (check.Framework is not { } candidate)
        {
            return FrameworkPreview.Refused(check.Problems);
        }

        var current = await FindAsync(candidate.Id, null, cancellationToken);
        if (current is not null && Same(candidate, current))
        {
            return FrameworkPreview.Refused([Identical(current)]);
        }

        return new FrameworkPreview(
            candidate,
            (current?.Version ?? 0) + 1,
            current,
            current is null ? [] : FrameworkChanges.Between(current, candidate),
            []);
    }

    /// <summary>
    /// Validates the JSON and, when it is valid, stores it as the next version of its framework id (the outcome's value).
    /// Problems name the JSON path they are about (<c>$</c> for the whole file). Only administrators publish.
    /// </summary>
    public async Task<EditOutcome<Framework>> PublishAsync(ActingUser? user, string json, CancellationToken cancellationToken)
    {
        if (user is not { Access.IsAdministrator: true })
        {
            return EditOutcome<Framework>.From(EditOutcome.NotFound());
        }

        var candidate = Check(json);
        if (candidate.Framework is null)
        {
            return Invalid(candidate.Problems);
        }

        if (await IdenticalToLatestAsync(candidate.Framework, cancellationToken) is { } latest)
        {
            return Invalid([Identical(latest)]);
        }

        await using var db = contexts.Open(user);
        var id = candidate.Framework.Id;
        var next = (await db.Frameworks.Where(f => f.FrameworkId == id).MaxAsync(f => (int?)f.Version, cancellationToken) ?? 0) + 1;
        var document = JsonNode.Parse(json)!.AsObject();
        document["version"] = next;
        var framework = FrameworkLoader.Load(document.ToJsonString()).Framework!;
        db.Frameworks.Add(new StoredFramework
        {
            FrameworkId = id,
            Version = next,
            Name = framework.Name,
            Definition = FrameworkLoader.ToJson(framework),
            PublishedAtUtc = clock.GetUtcNow().UtcDateTime,
            PublishedBy = user.AuditName,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Invalid([new FrameworkProblem("$.version", $"Someone else published version {next} of {id} at the same moment. Upload it again to publish the next version.")]);
        }

        return EditOutcome<Framework>.From(EditOutcome.Saved(revision: next), framework);
    }

    private static EditOutcome<Framework> Invalid(IEnumerable<FrameworkProblem> problems) =>
        EditOutcome<Framework>.From(EditOutcome.Invalid(problems.Select(p => new FieldProblem(p.Path, p.Message)).ToList()));

    /// <summary>
    /// The latest published version of the candidate's framework when the candidate says exactly the same (whatever
    /// version number the file gives), or null: publishing it again would only add a version that changes nothing.
    /// </summary>
    public async Task<Framework?> IdenticalToLatestAsync(Framework candidate, CancellationToken cancellationToken)
    {
        var latest = await FindAsync(candidate.Id, null, cancellationToken);
        return latest is not null && Same(candidate, latest) ? latest : null;
    }

    // The same framework whatever version number each says.
    private static bool Same(Framework candidate, Framework latest) => JsonNode.DeepEquals(WithoutVersion(candidate), WithoutVersion(latest));

    /// <summary>Why an identical file is not published, in words.</summary>
    public static FrameworkProblem Identical(Framework latest) =>
        new("$", $"This file is identical to version {latest.Version} of “{latest.Name}”, which is already published: there is nothing new to publish.");

    /// <summary>
    /// Checks a framework document without storing it: size, JSON syntax and every rule of docs/scoring.md, "Framework
    /// documents".
    /// </summary>
    public static FrameworkCheck Check(string json)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxDocumentBytes)
        {
            return new FrameworkCheck(null, [new FrameworkProblem("$", $"The file is larger than {MaxDocumentBytes / 1024} KB. Split it or remove unused criteria.")]);
        }

        var result = FrameworkLoader.Load(json);
        return new FrameworkCheck(result.Framework, result.Problems);
    }

    private static JsonObject WithoutVersion(Framework framework)
    {
        var document = JsonNode.Parse(FrameworkLoader.ToJson(framework))!.AsObject();
        document.Remove("version");
        return document;
    }
}
