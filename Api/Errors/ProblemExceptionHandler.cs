using Microsoft.AspNetCore.Diagnostics;

namespace Collab.Api.Errors;

/// <summary>REST side of error mapping: a refused command becomes problem JSON with its code.</summary>
public sealed class ProblemExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var translated = FaultTranslation.Translate(exception);
        if (translated is null)
        {
            return false;
        }
        await Problems.WriteAsync(context, translated.Value.Code, translated.Value.Message);
        return true;
    }
}
