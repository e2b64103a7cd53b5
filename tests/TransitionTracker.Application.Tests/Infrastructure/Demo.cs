using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Application.Tests.Infrastructure;

/// <summary>Demo accounts and the seeded organisations each may and may not reach ("out of scope": exists, but not theirs).</summary>
public static class Demo
{
    /// <summary>Manages PCT 5D7, whose consortia include 00H.</summary>
    public static readonly string PctManager = DemoAccountSeeder.PctManager("5D7");

    /// <summary>A consortium the PCT manager edits.</summary>
    public const string ManagedConsortium = "00H";

    /// <summary>A consortium in another PCT (5D8) of the same region: the PCT manager may neither read nor edit it.</summary>
    public const string OtherConsortium = "00C";

    /// <summary>Leads consortium 00G: reads it, edits nothing else.</summary>
    public static readonly string ConsortiumLead = DemoAccountSeeder.ConsortiumLead("00G");

    public const string LeadsConsortium = "00G";

    /// <summary>Regional lead of Q30: reads and reviews its consortia; Q31's are out of scope (01G).</summary>
    public static readonly string RegionalLead = DemoAccountSeeder.Regional("Q30");

    public const string Region = "Q30";

    public const string OtherRegionConsortium = "01G";

    public static readonly string National = DemoAccountSeeder.National;

    public static readonly string Administrator = DemoAccountSeeder.Administrator;
}
