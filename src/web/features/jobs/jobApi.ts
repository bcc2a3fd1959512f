import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, API_BASE } from '../../app/api';
import type { Job } from '../../app/types';

export function isJobRunning(job: Job | undefined): boolean {
  return !!job && (job.state === 'queued' || job.state === 'running');
}

/** A job, polled every second while it is queued or running. */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: ({ signal }) => api.get<Job>(`/jobs/${encodeURIComponent(id ?? '')}`, signal),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && !isJobRunning(q.state.data) ? false : 1000),
    refetchIntervalInBackground: true,
  });
}

export function fileUrl(fileId: string): string {
  return `${API_BASE}/files/${encodeURIComponent(fileId)}`;
}

/** The id of a job the user started, kept in localStorage so that a reload resumes watching it. */
export function useStoredJobId(storageKey: string): [string | null, (id: string | null) => void] {
  const [id, setIdState] = useState<string | null>(() => {
    try {
      return localStorage.getItem(storageKey);
    } catch {
      return null;
    }
  });
  const setId = useCallback(
    (next: string | null) => {
      try {
        if (next) localStorage.setItem(storageKey, next);
        else localStorage.removeItem(storageKey);
      } catch {
        // storage unavailable: watching lasts for this page only
      }
      setIdState(next);
    },
    [storageKey],
  );
  return [id, setId];
}
