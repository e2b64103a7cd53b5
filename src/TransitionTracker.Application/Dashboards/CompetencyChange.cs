namespace TransitionTracker.Application.Dashboards;

/// <summary>One domain's mean score in the two months, over the consortia assessed in both.</summary>
public sealed record CompetencyChange(string DomainId, string DomainName, int Consortia, double FromMean, double ToMean)
{
    public double Change => ToMean - FromMean;

    /// <summary>The change as a percentage of the first month's mean; null when that mean is zero.</summary>
    public double? PercentChange => FromMean == 0 ? null : 100 * Change / FromMean;
}
