namespace TransitionTracker.Application.Search;

/// <summary>What a search hit is. Within one rank of match, hits come in this order.</summary>
public enum SearchHitKind
{
    Region,
    Consortium,
    Pct,
    Practice,

    /// <summary>A user account; administrators only.</summary>
    User,
}
