-- The weekly check-in asks for a global rating of change (clinical review N37).
ALTER TYPE "Instrument" ADD VALUE 'GLOBAL_CHANGE';
