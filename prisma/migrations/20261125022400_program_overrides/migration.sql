-- CreateTable
CREATE TABLE "ProgramOverride" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "phase" INTEGER,
    "loadKg" DECIMAL(5,1),
    "reason" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgramOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProgramOverride_assignmentId_idx" ON "ProgramOverride"("assignmentId");

-- AddForeignKey
ALTER TABLE "ProgramOverride" ADD CONSTRAINT "ProgramOverride_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramOverride" ADD CONSTRAINT "ProgramOverride_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ProgramAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramOverride" ADD CONSTRAINT "ProgramOverride_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
