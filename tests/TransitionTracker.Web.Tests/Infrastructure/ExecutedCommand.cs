namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>One database round trip made while a request was handled.</summary>
public sealed record ExecutedCommand(string Sql, TimeSpan Duration);
