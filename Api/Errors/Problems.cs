using Microsoft.AspNetCore.Mvc;

namespace Collab.Api.Errors;

/// <summary>RFC 7807 problem JSON whose <c>type</c> ends in the protocol error code.</summary>
public static class Problems
{
    public const string TypePrefix = "https://collab.example/errors/";

    public static ProblemDetails Create(string code, string detail, int? status = null) => new()
    {
        Type = TypePrefix + code,
        Title = code,
        Status = status ?? ErrorStatus.For(code),
        Detail = detail,
        Extensions = { ["code"] = code },
    };

    public static Task WriteAsync(HttpContext context, string code, string detail)
    {
        var problem = Create(code, detail);
        context.Response.StatusCode = problem.Status!.Value;
        return context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }
}
