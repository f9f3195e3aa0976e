-- 0001_initial (SQLite): agencies, the working-day calendar and its change log, ASP.NET Core Identity.
-- Drafted from CaseFlowDbContext with GenerateCreateScript(), then reviewed. Runs in one transaction.
-- SQLite keeps DateOnly as TEXT 'yyyy-MM-dd', DateTime as TEXT (UTC), enums as their names, bool as INTEGER 0/1.

CREATE TABLE "Agencies" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_Agencies" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "ParentCode" TEXT NULL,
    "CorrectionPeriodWorkingDays" INTEGER NOT NULL DEFAULT 15,
    CONSTRAINT "FK_Agencies_Agencies_ParentCode" FOREIGN KEY ("ParentCode") REFERENCES "Agencies" ("Code") ON DELETE RESTRICT
);
CREATE INDEX "IX_Agencies_ParentCode" ON "Agencies" ("ParentCode");

-- AgencyCode NULL = the national calendar.
CREATE TABLE "CalendarDays" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CalendarDays" PRIMARY KEY AUTOINCREMENT,
    "NoticeYear" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "AgencyCode" TEXT NULL,
    "Name" TEXT NULL
);
CREATE INDEX "IX_CalendarDays_AgencyCode_NoticeYear" ON "CalendarDays" ("AgencyCode", "NoticeYear");
CREATE INDEX "IX_CalendarDays_Date" ON "CalendarDays" ("Date");

-- AgencyCode '' (not NULL) = the national calendar, so that the unique index also covers national versions.
CREATE TABLE "CalendarChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CalendarChanges" PRIMARY KEY AUTOINCREMENT,
    "Year" INTEGER NOT NULL,
    "AgencyCode" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "ChangedBy" TEXT NOT NULL,
    "ChangedAtUtc" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "BeforeJson" TEXT NULL,
    "AfterJson" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_CalendarChanges_Year_AgencyCode_Version" ON "CalendarChanges" ("Year", "AgencyCode", "Version");

-- ASP.NET Core Identity (schema version 2 lengths, pinned in CaseFlow.Data/Identity), plus our user columns.
CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "AgencyCode" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);
CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");
CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);
CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
