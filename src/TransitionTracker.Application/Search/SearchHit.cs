namespace TransitionTracker.Application.Search;

/// <summary>One thing the global search found.</summary>
/// <param name="Code">The organisation's code, or the user's id.</param>
/// <param name="Name">The organisation's name, or the user's display name (their e-mail address when they have none).</param>
/// <param name="Context">
/// Where it sits, in a few words: a region's kind; a PCT's region; a consortium's host PCT and region; a practice's
/// consortium and PCT; a user's e-mail address, and "disabled" for a disabled account.
/// </param>
/// <param name="Link">
/// The app-relative page to open: the organisation's own page; for a practice, its consortium's page (the page that
/// lists it among the members), or its PCT's page when it is in no consortium the reader may read; for a user, their
/// administration page.
/// </param>
public sealed record SearchHit(SearchHitKind Kind, string Code, string Name, string Context, string Link);
