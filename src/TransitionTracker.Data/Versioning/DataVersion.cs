using Microsoft.EntityFrameworkCore;

namespace TransitionTracker.Data.Versioning;

/// <summary>
/// The one row (<see cref="RowId"/>) whose <see cref="Stamp"/> is replaced, in the same transaction, by every save
/// that changes anything (<see cref="TransitionTrackerDbContext"/>). Two reads of the same stamp therefore saw the same
/// committed data, which is what lets every app instance keep the results of its read queries in memory and reuse them
/// until the stamp changes (the web app's <c>ReadCache</c>). A stamp is a random number, not a counter, so that writing
/// it needs no read first; any new value means "changed".
/// </summary>
public sealed class DataVersion
{
    public const int RowId = 1;

    /// <summary>The row replaced by saves whose effect no narrower scope holds (<see cref="ScopeStamps"/>).</summary>
    public const int WideRowId = 2;

    // Region rows: 1,000,000 plus the code read as a number in base 37 (codes of up to five letters and digits, so
    // distinct codes never share a row); a longer code takes a row from its hash, where sharing a row only means
    // reading again more often.
    private const int RegionRowBase = 1_000_000;

    public int Id { get; set; }

    public long Stamp { get; set; }

    /// <summary>A new stamp: random, never zero (zero is the value a fresh database starts with).</summary>
    public static long NewStamp()
    {
        long stamp;
        do
        {
            stamp = Random.Shared.NextInt64(long.MinValue, long.MaxValue);
        }
        while (stamp == 0);

        return stamp;
    }

    /// <summary>The row of a region's stamp (<see cref="ScopeStamps"/>).</summary>
    public static int RegionRowId(string regionCode)
    {
        var code = regionCode.ToUpperInvariant();
        if (code.Length is > 0 and <= 5 && code.All(char.IsAsciiLetterOrDigit))
        {
            var number = 0;
            foreach (var c in code)
            {
                number = (number * 37) + (char.IsAsciiDigit(c) ? c - '0' + 1 : c - 'A' + 11);
            }

            return RegionRowBase + number;
        }

        var hash = 2166136261u;
        foreach (var c in code)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return RegionRowBase + 100_000_000 + (int)(hash % 1_000_000_000u);
    }

    /// <summary>
    /// Gives the rows <paramref name="rowIds"/> the stamp <paramref name="stamp"/>, making those not there yet, in the
    /// caller's transaction when one is open.
    /// </summary>
    public static async Task UpsertAsync(TransitionTrackerDbContext db, IEnumerable<int> rowIds, long stamp, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(UpsertSql(rowIds), [stamp], cancellationToken);

    /// <summary>As <see cref="UpsertAsync"/>, for a synchronous save.</summary>
    public static void Upsert(TransitionTrackerDbContext db, IEnumerable<int> rowIds, long stamp) =>
        db.Database.ExecuteSqlRaw(UpsertSql(rowIds), [stamp]);

    // Ids are whole numbers made here, written into the statement; the stamp is a parameter.
    private static string UpsertSql(IEnumerable<int> rowIds)
    {
        var values = string.Join(", ", rowIds.Select(id => $"({id.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {{0}})"));
        return $"INSERT INTO \"DataVersion\" (\"Id\", \"Stamp\") VALUES {values} ON CONFLICT (\"Id\") DO UPDATE SET \"Stamp\" = excluded.\"Stamp\"";
    }

    /// <summary>
    /// Gives the data a new stamp, for writes that do not go through <c>SaveChanges</c> (bulk loads): in the caller's
    /// transaction when one is open. They may change anything, so every scope's stamp changes too.
    /// </summary>
    public static async Task RestampAsync(TransitionTrackerDbContext db, CancellationToken cancellationToken)
    {
        var stamp = NewStamp();
        await db.DataVersions.ExecuteUpdateAsync(s => s.SetProperty(v => v.Stamp, stamp), cancellationToken);
    }
}
