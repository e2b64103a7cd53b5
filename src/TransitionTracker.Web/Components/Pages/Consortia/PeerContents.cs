using TransitionTracker.Application.Peers;

namespace TransitionTracker.Web.Components.Pages.Consortia;

/// <summary>
/// The status page's peers (docs/scoring.md, "Peers") as plain data the page keeps from prerendering: the rule in a
/// sentence, and each peer with its links decided here from what the reader may open.
/// </summary>
public sealed record PeerContents(string Rule, string AsAt, IReadOnlyList<PeerContents.Row> Peers)
{
    public static PeerContents From(PeersView view) => new(
        view.Rule,
        UkCalendar.Date(view.AsAt),
        view.Peers.Select(p => new Row(
            p.Code,
            p.Name,
            p.RegionName,
            p.Population,
            p.Readable ? $"/consortia/{p.Code}" : null,
            p.Took,
            p.ClosedFirst.Select(c => new Closed(c.Id, c.Text, c.Domain, UkCalendar.Date(c.ClosedOn), c.OpenHere)).ToList(),
            p.ClosedCount,
            p.Lessons.Select(l => new LessonLink(l.Title, l.Domain, $"/consortia/{p.Code}/lessons?domain={Uri.EscapeDataString(l.DomainId)}")).ToList()))
        .ToList());

    /// <param name="Href">The peer's page, or null when the reader may not open it (and is given none of its lessons).</param>
    public sealed record Row(
        string Code,
        string Name,
        string Region,
        long Population,
        string? Href,
        string Took,
        IReadOnlyList<Closed> ClosedFirst,
        int ClosedCount,
        IReadOnlyList<LessonLink> Lessons);

    public sealed record Closed(string Id, string Text, string Domain, string On, bool OpenHere);

    public sealed record LessonLink(string Title, string Domain, string Href);
}
