// The appointments feature: list, add, one appointment, change it.
import { Route, Routes } from 'react-router';
import './appointments.css';
import { AppointmentDetail } from './AppointmentDetail.tsx';
import { AppointmentForm } from './AppointmentForm.tsx';
import { AppointmentList } from './AppointmentList.tsx';

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
