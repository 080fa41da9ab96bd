// The appointments feature: list, add, one appointment, change it.
import { Route, Routes } from 'react-router';

import { AppointmentDetail } from './AppointmentDetail.tsx';
import { AppointmentForm } from './AppointmentForm.tsx';
import { AppointmentList } from './AppointmentList.tsx';

import './appointments.css';

export default function AppointmentsScreen() {
  return (
    <Routes>
      <Route index element={<AppointmentList />} />
      <Route path="new" element={<AppointmentForm />} />
      <Route path=":id" element={<AppointmentDetail />} />
      <Route path=":id/edit" element={<AppointmentForm />} />
    </Routes>
  );
}
