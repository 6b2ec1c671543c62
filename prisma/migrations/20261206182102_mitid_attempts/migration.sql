-- AlterEnum
ALTER TYPE "AuthAttemptKind" ADD VALUE 'MITID';
