namespace TransitionTracker.Web.Quality;

/// <summary>A problem with one field: in the form (row null) or in one row of an uploaded file.</summary>
public sealed record QualityProblem(int? Row, string Field, string Message);
