using Collab.Api.CityDirectory;
using Collab.Api.Errors;
using Collab.Grains.Interfaces.Common;
using Collab.Silo.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Collab.Api.Auth;

public static class AuthenticationSetup
{
    /// <summary>JWT bearer for REST and hubs (hubs also read <c>access_token</c>), with the claims of DESIGN §6 kept as they are.</summary>
    public static WebApplicationBuilder AddCollabAuthentication(this WebApplicationBuilder builder, CollabSettings settings)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        // Anyone may mint any role with the development issuer, so it is tied to the one environment a developer picks
        // on purpose: a host that forgot ASPNETCORE_ENVIRONMENT runs as Production and never gets it.
        var devIssuer = options.DevIssuer ?? builder.Environment.IsDevelopment();
        if (devIssuer && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Collab:Auth:DevIssuer is allowed in the Development environment only (this is '{builder.Environment.EnvironmentName}')");
        }
        if (!options.RequireHttpsMetadata && builder.Environment.IsProduction())
        {
            throw new InvalidOperationException("Collab:Auth:RequireHttpsMetadata must not be switched off in the Production environment");
        }
        var useAuthority = !string.IsNullOrWhiteSpace(options.Authority);
        if (!useAuthority && !devIssuer && string.IsNullOrWhiteSpace(options.SigningKey))
        {
            throw new InvalidOperationException("configure Collab:Auth:Authority or Collab:Auth:SigningKey (the development issuer is off)");
        }
        var key = useAuthority ? null : SigningKeys.Resolve(options, settings.DataDirectory);
        var issuer = options.Issuer ?? AuthOptions.DefaultIssuer;
        var audience = options.Audience ?? AuthOptions.DefaultAudience;
        builder.Services.AddSingleton(new TokenIssuer(devIssuer, key, issuer, audience));
        builder.Services.AddSingleton(useAuthority
            ? new SignInConfig(options.Authority, options.ClientId, options.Scope ?? AuthOptions.DefaultScope)
            : new SignInConfig(null, null, null));

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                if (useAuthority)
                {
                    jwt.Authority = options.Authority;
                    jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                    jwt.Audience = options.Audience;
                    jwt.TokenValidationParameters.NameClaimType = CollabClaims.Name;
                    jwt.TokenValidationParameters.RoleClaimType = CollabClaims.Role;
                }
                else
                {
                    jwt.TokenValidationParameters = new TokenValidationParameters
                    {
                        IssuerSigningKey = key,
                        ValidIssuer = issuer,
                        ValidateIssuer = true,
                        ValidAudience = audience,
                        ValidateAudience = true,
                        NameClaimType = CollabClaims.Name,
                        RoleClaimType = CollabClaims.Role,
                        ClockSkew = TimeSpan.FromMinutes(1),
                    };
                }
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        var token = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                        {
                            context.Token = token;
                        }
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = async context =>
                    {
                        await ClaimCharacters.RefuseAsync(context);
                        // The development issuer's claims are whatever a developer typed: they never reach the directory.
                        if (!devIssuer && context.HttpContext.RequestServices.GetRequiredService<IOptions<SignInClaimsOptions>>().Value.UpdateFromSignIn)
                        {
                            await context.HttpContext.RequestServices.GetRequiredService<SignInClaims>().TakeAsync(context);
                        }
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        await Problems.WriteAsync(context.HttpContext, ErrorCodes.Unauthorized, "a valid bearer token is required");
                    },
                };
            });
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        return builder;
    }
}
