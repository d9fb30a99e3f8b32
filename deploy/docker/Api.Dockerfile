# Build from the repository root: docker build -f deploy/docker/Api.Dockerfile -t collab-api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish Api/Api.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    Collab__DataDirectory=/data
EXPOSE 8080 11111 30000
VOLUME /data
ENTRYPOINT ["dotnet", "Api.dll"]
