namespace TransitionTracker.Domain.Peers;

/// <summary>
/// How many registered patients a consortium has, in four bands (docs/scoring.md, "Peers"). The bounds split the real
/// figures where consortia of the 2010–2013 transition clustered: a handful of small ones under 100,000, most between
/// 100,000 and 500,000, and a few city-wide ones of half a million or more.
/// </summary>
public enum PopulationBand
{
    Under100Thousand,
    From100To250Thousand,
    From250To500Thousand,
    From500Thousand,
}

public static class PopulationBands
{
    /// <summary>The band of a consortium with <paramref name="population"/> registered patients (a bound starts the band above it).</summary>
    public static PopulationBand Of(long population) => population switch
    {
        < 100_000 => PopulationBand.Under100Thousand,
        < 250_000 => PopulationBand.From100To250Thousand,
        < 500_000 => PopulationBand.From250To500Thousand,
        _ => PopulationBand.From500Thousand,
    };

    /// <summary>The band in words, as the page and the API say it.</summary>
    public static string Describe(this PopulationBand band) => band switch
    {
        PopulationBand.Under100Thousand => "under 100,000 patients",
        PopulationBand.From100To250Thousand => "100,000 to 250,000 patients",
        PopulationBand.From250To500Thousand => "250,000 to 500,000 patients",
        _ => "500,000 patients or more",
    };

    /// <summary>The band's name on the wire.</summary>
    public static string ToWireName(this PopulationBand band) => band switch
    {
        PopulationBand.Under100Thousand => "under-100k",
        PopulationBand.From100To250Thousand => "100k-250k",
        PopulationBand.From250To500Thousand => "250k-500k",
        _ => "500k-plus",
    };
}
